import type { RepairAction, RepairReplies, RepairCall } from '@shared/repair/api';
import { callFunction, type Reply } from '@/api';

/** What an action of the `repair` function takes, without its `action` field. */
export type RepairInput<A extends RepairAction> = Omit<RepairCall<A>, 'action'>;

/** One call to the `repair` cloud function, typed by action from shared/repair/api. */
export function callRepair<A extends RepairAction>(action: A, input: RepairInput<A>): Promise<Reply<RepairReplies[A]>> {
  return callFunction<RepairReplies[A]>('repair', { ...input, action });
}
