import type { z } from 'zod';
import type { ComplaintAction, ComplaintAnswers, ComplaintInputs } from '@shared/complaint/api';
import { callFunction, type Answer } from '@/api';

/** What an action of the `complaint` function takes, without its `action` field. */
export type ComplaintInput<A extends ComplaintAction> = z.input<(typeof ComplaintInputs)[A]>;

/** One call to the `complaint` cloud function, typed by action from shared/complaint/api. */
export function callComplaint<A extends ComplaintAction>(action: A, input: ComplaintInput<A>): Promise<Answer<ComplaintAnswers[A]>> {
  return callFunction<ComplaintAnswers[A]>('complaint', { ...input, action });
}
