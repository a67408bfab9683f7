import type { z } from 'zod/mini';
import type { PrivacyInputs, PrivacyReplies } from '@shared/privacy/api';
import { callFunction, type Reply } from '@/api';

export type PrivacyAction = keyof typeof PrivacyInputs & keyof PrivacyReplies;

/** What an action of the `privacy` function takes, without its `action` field. */
export type PrivacyInput<A extends PrivacyAction> = z.input<(typeof PrivacyInputs)[A]>;

/** One call to the `privacy` cloud function, typed by action from shared/privacy/api. */
export function callPrivacy<A extends PrivacyAction>(action: A, input: PrivacyInput<A>): Promise<Reply<PrivacyReplies[A]>> {
  return callFunction<PrivacyReplies[A]>('privacy', { ...input, action });
}
