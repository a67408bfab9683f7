import type { z } from 'zod/mini';
import type { EnquiryAction, EnquiryInputs, EnquiryReplies } from '@shared/enquiry/api';
import { callFunction, type Reply } from '@/api';

/** What an action of the `enquiry` function takes, without its `action` field. */
export type EnquiryInput<A extends EnquiryAction> = z.input<(typeof EnquiryInputs)[A]>;

/** One call to the `enquiry` cloud function, typed by action from shared/enquiry/api. */
export function callEnquiry<A extends EnquiryAction>(action: A, input: EnquiryInput<A>): Promise<Reply<EnquiryReplies[A]>> {
  return callFunction<EnquiryReplies[A]>('enquiry', { ...input, action });
}
