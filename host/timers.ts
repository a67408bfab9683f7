import { dispatchTimer } from '../cloudfunctions/dispatch/handler';
import { escalateTimer } from '../cloudfunctions/escalate/handler';
import { planTimer } from '../cloudfunctions/plan/handler';
import { reporterTimer } from '../cloudfunctions/reporter/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';

/** Timer-triggered functions, by name; the local host runs each on an interval. */
export const TIMERS: Record<string, (deps: Deps) => () => Promise<unknown>> = {
  dispatch: dispatchTimer,
  escalate: escalateTimer,
  plan: planTimer,
  reporter: reporterTimer,
};
