import { retentionCutoff } from '@shared/privacy/anonymise';
import type { Deps } from '../_platform/ports';
import { stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { anonymiseExpiredProject, anonymiseHomeowner } from '../_usecases/privacy';
import { loadFollowUpSettings, loadPrivacySettings } from '../_usecases/settings';

/** Work per run is bounded so a run ends well inside the function timeout (20 s in config.json). */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;

export interface RetentionRun {
  /** homeowners anonymised because their deletion request came due */
  deletions: number;
  /** projects anonymised because they are past the warranty horizon plus the retention period */
  projects: number;
  /** the CST date before which a completion put a project past retention */
  cutoff: string;
  /** true when there was more to do than one run may do */
  more: boolean;
}

/**
 * The retention timer (PIPL art. 19: kept no longer than needed): carries out deletion requests whose
 * delay has passed, then anonymises the personal data of projects completed before the warranty
 * horizon plus the retention period (`settings/privacy`), in pages under one time budget. Each item
 * leaves its range when done (the request is no longer pending, the project has `anonymisedAt`), so a
 * second or concurrent run changes nothing twice and the next run starts where this one stopped.
 */
export function retentionTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<RetentionRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const _ = store.command;
    const [privacy, followUp] = await Promise.all([loadPrivacySettings(store), loadFollowUpSettings(store)]);
    const cutoff = retentionCutoff(now, followUp.schedule.warrantyHorizonYears, privacy.retentionDaysAfterWarranty);

    const deletions = await sweep(
      run,
      (size) => dueItems(store.deletionRequests.scan({ pendingUntil: _.lte(now) }, { orderBy: [['pendingUntil', 'asc']], limit: size }), deps.log),
      async () => async (request) => {
        await anonymiseHomeowner(store, deps.files, request.homeownerId, now);
        return true;
      },
    );
    const projects = await sweep(
      run,
      (size) =>
        dueItems(
          store.projects.scan({ 'milestones.completed': _.lt(cutoff), anonymisedAt: _.exists(false) }, { orderBy: [['milestones.completed', 'asc']], limit: size }),
          deps.log,
        ),
      async () => (project) => anonymiseExpiredProject(store, deps.files, project, now),
    );
    const outcome = { deletions: deletions.changed, projects: projects.changed, cutoff, more: deletions.more || projects.more };
    if (outcome.deletions || outcome.projects) deps.log.info('anonymised personal data', { ...outcome });
    return outcome;
  };
}
