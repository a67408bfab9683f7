import type { RepairAction, RepairAnswers, RepairEvent } from '@shared/repair/api';
import { callFunction, type Answer } from '@/api';

/** What an action of the `repair` function takes, without its `action` field. */
export type RepairInput<A extends RepairAction> = Omit<RepairEvent<A>, 'action'>;

/** One call to the `repair` cloud function, typed by action from shared/repair/api. */
export function callRepair<A extends RepairAction>(action: A, input: RepairInput<A>): Promise<Answer<RepairAnswers[A]>> {
  return callFunction<RepairAnswers[A]>('repair', { ...input, action });
}
