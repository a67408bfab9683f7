import type { z } from 'zod/mini';
import type { ComplaintAction, ComplaintReplies, ComplaintInputs } from '@shared/complaint/api';
import { callFunction, type Reply } from '@/api';

/** What an action of the `complaint` function takes, without its `action` field. */
export type ComplaintInput<A extends ComplaintAction> = z.input<(typeof ComplaintInputs)[A]>;

/** One call to the `complaint` cloud function, typed by action from shared/complaint/api. */
export function callComplaint<A extends ComplaintAction>(action: A, input: ComplaintInput<A>): Promise<Reply<ComplaintReplies[A]>> {
  return callFunction<ComplaintReplies[A]>('complaint', { ...input, action });
}
