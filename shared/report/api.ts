/** The `report` cloud function: managers and admins read the weekly and monthly reports. */
import * as z from 'zod/mini';
import type { Department } from '../core/roles';
import { recordId } from '../core/schemas';
import type { Period } from './periods';
import { REPORT_KINDS, type Report, type ReportKind } from './report';

export const ReportInputs = {
  /** the latest reports, newest first, each with the figures its trend charts need */
  list: z.object({
    kind: z.optional(z.enum(REPORT_KINDS, { error: '报表类型应为 weekly 或 monthly' })),
    limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(52)), 12),
  }),
  /** one report in full, with a link that downloads its CSV */
  get: z.object({ id: recordId('报表') }),
  /** the company at a glance, live: open and overdue work per department, this week's follow-up rate so far */
  glance: z.object({}),
} as const;

/** A report in a list: enough to draw the trends (follow-up rate by week, satisfaction by month). */
export interface ReportSummary {
  id: string;
  kind: ReportKind;
  label: string;
  period: Period;
  builtAt: number;
  /** weekly: made ÷ due */
  followUpRate: number | null;
  /** monthly: the average overall score */
  satisfaction: number | null;
  /** monthly: complaints received */
  complaints: number | null;
}

/** A report as the app reads it: weekly or monthly, told apart by `kind`. */
export type ReportView = Report extends infer R ? (R extends Report ? Omit<R, '_id' | 'csvFileId'> & { id: string } : never) : never;

export interface ReportReplies {
  list: { reports: ReportSummary[] };
  get: { report: ReportView; csvUrl: string | null };
  glance: {
    asOf: number;
    departments: { department: Department; label: string; openRepairs: number; overdueRepairs: number; openComplaints: number; overdueComplaints: number }[];
    thisWeek: { from: string; to: string; due: number; made: number; rate: number | null; target: number };
  };
}

export function reportSummary(r: Report): ReportSummary {
  return {
    id: r._id, kind: r.kind, label: r.label, period: r.period, builtAt: r.builtAt,
    followUpRate: r.kind === 'weekly' ? r.figures.summary.rate : null,
    satisfaction: r.kind === 'monthly' ? r.figures.overall.average : null,
    complaints: r.kind === 'monthly' ? r.figures.complaints.received : null,
  };
}
