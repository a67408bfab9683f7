import type { Millis } from '@shared/core/time';
import { nextPlanAt } from '@shared/followup/planning';
import type { Logger } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { syncFollowUps } from './followups';
import { loadFollowUpSettings } from './settings';

/**
 * Plans one project's follow-ups (syncFollowUps) and sets when the planner should look at it again.
 * A project whose plan fails is logged and left due, so the next run tries it again.
 */
export async function planProject(store: Stores, projectId: string, now: Millis, log: Logger): Promise<{ added: number } | null> {
  try {
    const synced = await syncFollowUps(store, projectId, now);
    const project = await store.projects.get(projectId);
    if (project) {
      const { schedule } = await loadFollowUpSettings(store);
      await store.projects.patch(projectId, { planAt: nextPlanAt(project, schedule, now) });
    }
    return { added: synced.added };
  } catch (error) {
    log.error('follow-up planning failed', { projectId, error: error instanceof Error ? error.stack : String(error) });
    return null;
  }
}

/** Plans the given projects in turn while `goOn()` says there is time; the rest stay due for the planner timer. */
export async function planProjects(store: Stores, ids: string[], now: Millis, goOn: () => boolean, log: Logger): Promise<{ planned: number; added: number }> {
  let planned = 0;
  let added = 0;
  for (const id of ids) {
    if (!goOn()) break;
    const outcome = await planProject(store, id, now, log);
    if (!outcome) continue;
    planned += 1;
    added += outcome.added;
  }
  return { planned, added };
}
