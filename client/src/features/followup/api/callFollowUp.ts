import type { z } from 'zod/mini';
import type { FollowUpReplies, FollowUpInputs } from '@shared/followup/api';
import { callFunction, type Reply } from '@/api';

export type FollowUpAction = keyof typeof FollowUpInputs & keyof FollowUpReplies;

/** What an action of the `followup` function takes, without its `action` field. */
export type FollowUpInput<A extends FollowUpAction> = z.input<(typeof FollowUpInputs)[A]>;

/** One call to the `followup` cloud function, typed by action from shared/followup/api. */
export function callFollowUp<A extends FollowUpAction>(action: A, input: FollowUpInput<A>): Promise<Reply<FollowUpReplies[A]>> {
  return callFunction<FollowUpReplies[A]>('followup', { ...input, action });
}
