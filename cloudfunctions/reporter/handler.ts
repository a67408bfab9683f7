import { cst, type Millis } from '@shared/core/time';
import { monthDue, weekDue } from '@shared/report/periods';
import type { Report } from '@shared/report/report';
import { BudgetSpent } from '../_platform/paging';
import type { Deps } from '../_platform/ports';
import { stores, type Stores } from '../_platform/stores';
import { stopwatch } from '../_platform/sweep';
import { notify } from '../_usecases/notify';
import { buildMonthly, buildWeekly, monthlyId, weeklyId } from '../_usecases/reports';
import { loadRetention } from '../_usecases/settings';

/** Wall-clock milliseconds a run may spend reading (the function timeout is 20 s). */
export const BUDGET_MS = 12_000;

export interface ReporterRun {
  /** ids of the reports this run built */
  built: string[];
  /** what the retention periods (`settings/retention`) let go this run: reports and audit-log entries */
  removed: { reports: number; auditEntries: number };
  /** true when the budget ran out before a report was finished: the next run starts it over */
  more: boolean;
}

/**
 * The reporter timer (every 30 minutes): builds the weekly report from Sunday 16:00 so that it is ready
 * by 17:00 (001 §七), and the monthly one on the Sunday before the month's last Monday (001 §八), each
 * once: stored in `reports` under an id fixed by its period, with its CSV in file storage, and the
 * general manager and the admins told. A run that runs out of time stores nothing; the next one builds
 * it again from the start. Two runs at once store the same report twice under the same id. Each run
 * also lets go of what is past its retention period.
 */
export function reporterTimer(deps: Deps, limits: { budgetMs?: number; elapsed?: () => number } = {}): () => Promise<ReporterRun> {
  return async () => {
    const elapsed = limits.elapsed ?? stopwatch();
    const budget = limits.budgetMs ?? BUDGET_MS;
    const inTime = () => elapsed() < budget;
    const now = deps.clock.now();
    const store = stores(deps.db);
    const built: string[] = [];
    const removed = await applyRetention(store, now);
    try {
      const week = weekDue(now);
      if (!(await store.reports.get(weeklyId(week)))) built.push(await keep(store, await buildWeekly(store, deps.files, week, now, inTime), now));
      const month = monthDue(now);
      if (!(await store.reports.get(monthlyId(month.month)))) built.push(await keep(store, await buildMonthly(store, deps.files, month, now, inTime), now));
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      deps.log.info('report left for the next run: time budget spent', { built });
      return { built, removed, more: true };
    }
    if (built.length || removed.reports || removed.auditEntries) deps.log.info('reports built', { built, removed });
    return { built, removed, more: false };
  };
}

/**
 * Removes what is older than its retention period (`settings/retention`): reports built more than
 * `reportsMonths` ago, and audit-log entries older than `auditLogYears`. Their CSV files stay in file
 * storage (they hold no homeowner's personal data).
 */
async function applyRetention(store: Stores, now: Millis): Promise<ReporterRun['removed']> {
  const { reportsMonths, auditLogYears } = await loadRetention(store);
  const _ = store.command;
  const [reports, auditEntries] = await Promise.all([
    store.reports.removeWhere({ builtAt: _.lt(cst(now).subtract(reportsMonths, 'month').valueOf()) }),
    store.auditLog.removeWhere({ at: _.lt(cst(now).subtract(auditLogYears, 'year').valueOf()) }),
  ]);
  return { reports, auditEntries };
}

/** Stores a report and tells the general manager (management's department manager) and the admins. */
async function keep(store: Stores, report: Report, now: Millis): Promise<string> {
  await store.reports.put(report);
  const readers = await store.users.find(store.command.or({ roles: 'admin' }, { roles: 'deptManager', department: 'management' }), { limit: 100 });
  for (const reader of readers) {
    await notify(store, {
      key: `report.ready:${report._id}:${reader._id}`, to: reader._id, kind: 'report.ready', title: `${report.label}已生成`,
      body: report.kind === 'weekly' ? '本周回访情况、回访率和本周竣工工程，可在“报表”中查看或下载。' : '被投诉比率、报修超时和满意度，可在“报表”中查看或下载。',
      page: `/manage/report/index?id=${report._id}`,
    }, now);
  }
  return report._id;
}
