import type { z } from 'zod/mini';
import type { ReportInputs, ReportReplies } from '@shared/report/api';
import { callFunction, type Reply } from '@/api';

type ReportAction = keyof typeof ReportInputs;

/** One call to the `report` cloud function, typed by action from shared/report/api. */
export function callReport<A extends ReportAction>(action: A, input: z.input<(typeof ReportInputs)[A]>): Promise<Reply<ReportReplies[A]>> {
  return callFunction<ReportReplies[A]>('report', { ...input, action });
}
