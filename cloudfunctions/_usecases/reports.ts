import { DAY, type Millis } from '@shared/core/time';
import { reportCsv } from '@shared/report/export';
import { monthlyFigures } from '@shared/report/monthly';
import { describePeriod, periodBounds, previousMonthPeriod, type Period } from '@shared/report/periods';
import type { MonthlyReport, WeeklyReport } from '@shared/report/report';
import { projectsInScope, weeklyFigures } from '@shared/report/weekly';
import { findAll } from '../_platform/paging';
import type { FileStorage } from '../_platform/ports';
import type { Stores } from '../_platform/stores';

/** How far before a period a repair ticket may have been filed and still have a deadline in it (visits are booked up to 30 days ahead). */
const REPAIR_LOOKBACK = 31 * DAY;
/** Follow-ups of this many projects are read per query (a project has at most ~40). */
const PROJECTS_PER_QUERY = 20;

export const weeklyId = (p: Period) => `weekly-${p.from}`;
export const monthlyId = (month: string) => `monthly-${month}`;

/** Everything the reports read about the company's people and projects. */
async function basics(store: Stores, inTime: () => boolean) {
  const projects = await findAll(store.projects, store.command, {}, inTime);
  const siteManagers = await store.users.getMany(projects.map((p) => p.siteManagerId));
  return { projects, siteManagers };
}

/** The weekly report of `week`, built from what is stored at `now`, its CSV written to file storage. */
export async function buildWeekly(store: Stores, files: FileStorage, week: Period & { dueAt: Millis }, now: Millis, inTime: () => boolean): Promise<WeeklyReport> {
  const _ = store.command;
  const { projects, siteManagers } = await basics(store, inTime);
  const dueThisWeek = await findAll(store.followups, _, { dueDate: _.gte(week.from).and(_.lte(week.to)) }, inTime);
  const scope = projectsInScope(projects, week).map((p) => p._id);
  const ofProjectsInScope = [];
  for (let i = 0; i < scope.length; i += PROJECTS_PER_QUERY) {
    ofProjectsInScope.push(...(await findAll(store.followups, _, { projectId: _.in(scope.slice(i, i + PROJECTS_PER_QUERY)) }, inTime)));
  }
  const answers = await store.surveyAnswers.getMany(dueThisWeek.filter((f) => f.state === 'answered').map((f) => f._id));
  const figures = weeklyFigures({ week, projects, dueThisWeek, ofProjectsInScope, answers, siteManagers });
  const label = `回访周报 ${describePeriod(week)}`;
  const report: WeeklyReport = { _id: weeklyId(week), kind: 'weekly', label, period: { from: week.from, to: week.to }, dueAt: week.dueAt, builtAt: now, csvFileId: '', figures };
  report.csvFileId = await files.saveExport(`reports/${report._id}.csv`, Buffer.from(reportCsv(report), 'utf8'));
  return report;
}

/** The monthly report of `period` (named by its month), against the period before it. */
export async function buildMonthly(store: Stores, files: FileStorage, period: Period & { month: string; dueAt: Millis }, now: Millis, inTime: () => boolean): Promise<MonthlyReport> {
  const _ = store.command;
  const previous = previousMonthPeriod(period.month);
  const span = { start: periodBounds(previous).start, end: periodBounds(period).end };
  const { projects, siteManagers } = await basics(store, inTime);
  const received = await findAll(store.complaints, _, { receivedAt: _.gte(span.start).and(_.lt(span.end)) }, inTime);
  const closed = await findAll(store.complaints, _, { closedAt: _.gte(periodBounds(period).start).and(_.lt(span.end)) }, inTime);
  const complaints = [...new Map([...received, ...closed].map((c) => [c._id, c])).values()];
  const repairs = await findAll(store.repairs, _, { createdAt: _.gte(periodBounds(period).start - REPAIR_LOOKBACK).and(_.lt(span.end)) }, inTime);
  const answers = await findAll(store.surveyAnswers, _, { at: _.gte(span.start).and(_.lt(span.end)) }, inTime);
  const enquiries = await findAll(store.enquiries, _, { receivedAt: _.gte(periodBounds(period).start).and(_.lt(span.end)) }, inTime);
  const repairManagers = await store.users.getMany(repairs.map((t) => t.siteManagerId).filter((id) => !siteManagers.has(id)));
  const figures = monthlyFigures({ period, previous, projects, complaints, repairs, answers, enquiries, siteManagers: new Map([...siteManagers, ...repairManagers]) });
  const label = `管理月报 ${period.month.replace('-', '年')}月`;
  const report: MonthlyReport = {
    _id: monthlyId(period.month), kind: 'monthly', month: period.month, label, period: { from: period.from, to: period.to }, dueAt: period.dueAt, builtAt: now, csvFileId: '', figures,
  };
  report.csvFileId = await files.saveExport(`reports/${report._id}.csv`, Buffer.from(reportCsv(report), 'utf8'));
  return report;
}
