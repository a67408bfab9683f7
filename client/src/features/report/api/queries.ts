import type { ReportReplies, ReportSummary } from '@shared/report/api';
import type { Reply } from '@/api';
import { callReport } from './callReport';

export type ReportDetail = ReportReplies['get'];

/** The reports page: the latest weekly and monthly reports, asked at the same time. */
export type Glance = ReportReplies['glance'];

/** The reports page: the company at a glance, and the latest weekly and monthly reports, asked at the same time. */
export async function fetchReportLists(): Promise<Reply<{ glance: Glance; weekly: ReportSummary[]; monthly: ReportSummary[] }>> {
  const [glance, weekly, monthly] = await Promise.all([
    callReport('glance', {}),
    callReport('list', { kind: 'weekly', limit: 8 }),
    callReport('list', { kind: 'monthly', limit: 6 }),
  ]);
  if (!glance.ok) return glance;
  if (!weekly.ok) return weekly;
  if (!monthly.ok) return monthly;
  return { ok: true, data: { glance: glance.data, weekly: weekly.data.reports, monthly: monthly.data.reports } };
}

export const fetchReport = (id: string) => callReport('get', { id });
