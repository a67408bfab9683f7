import { campaignTimer } from '../cloudfunctions/campaign/timer';
import { dispatchTimer } from '../cloudfunctions/dispatch/handler';
import { escalateTimer } from '../cloudfunctions/escalate/handler';
import { pushTimer } from '../cloudfunctions/push/handler';
import { planTimer } from '../cloudfunctions/plan/handler';
import { reporterTimer } from '../cloudfunctions/reporter/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { retentionTimer } from '../cloudfunctions/retention/handler';

/** Timer-triggered functions, by name; the local host runs each on an interval. */
export const TIMERS: Record<string, (deps: Deps) => () => Promise<unknown>> = {
  campaign: campaignTimer,
  dispatch: dispatchTimer,
  escalate: escalateTimer,
  push: pushTimer,
  retention: retentionTimer,
  plan: planTimer,
  reporter: reporterTimer,
};
