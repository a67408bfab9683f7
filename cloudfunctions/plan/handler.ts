import type { Deps } from '../_platform/ports';
import { stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { planProject } from '../_usecases/planning';

/** Per run: at most MAX_PAGES pages of PAGE projects per sweep, none started after the budget (timeout 20 s). */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;

export interface PlanningRun {
  /** projects whose follow-ups were brought in line with their plan */
  planned: number;
  /** follow-ups added by this run */
  added: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

/**
 * The planner timer (every 10 minutes): brings the follow-ups of every project in line with its plan
 * once a day, not only when a milestone is recorded, so that an imported project is followed up and a
 * contract completion date that passes without completion gets its late-completion check (DOMAIN §3).
 * First the projects never planned by it (stored before it existed), then those whose `planAt` has
 * come, oldest first; each planned project moves its `planAt` to the next CST day and so leaves the
 * range. syncFollowUps is idempotent, so two runs at once, or a run killed half-way, add nothing twice.
 */
export function planTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<PlanningRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const _ = store.command;
    let added = 0;
    const plan = async (project: { _id: string }) => {
      const outcome = await planProject(store, project._id, now, deps.log);
      added += outcome?.added ?? 0;
      return outcome !== null;
    };
    const fresh = await sweep(run, (size) => dueItems(store.projects.scan({ planAt: _.exists(false) }, { orderBy: [['_id', 'asc']], limit: size }), deps.log), async () => plan);
    const due = await sweep(run, (size) => dueItems(store.projects.scan({ planAt: _.lte(now) }, { orderBy: [['planAt', 'asc']], limit: size }), deps.log), async () => plan);
    const outcome = { planned: fresh.changed + due.changed, added, more: fresh.more || due.more };
    if (outcome.planned) deps.log.info('planned follow-ups', { ...outcome });
    return outcome;
  };
}
