import type { ReportReplies, ReportSummary } from '@shared/report/api';
import type { Reply } from '@/api';
import { callReport } from './callReport';

export type ReportDetail = ReportReplies['get'];

/** The reports page: the latest weekly and monthly reports, asked at the same time. */
export async function fetchReportLists(): Promise<Reply<{ weekly: ReportSummary[]; monthly: ReportSummary[] }>> {
  const [weekly, monthly] = await Promise.all([callReport('list', { kind: 'weekly', limit: 8 }), callReport('list', { kind: 'monthly', limit: 6 })]);
  if (!weekly.ok) return weekly;
  if (!monthly.ok) return monthly;
  return { ok: true, data: { weekly: weekly.data.reports, monthly: monthly.data.reports } };
}

export const fetchReport = (id: string) => callReport('get', { id });
