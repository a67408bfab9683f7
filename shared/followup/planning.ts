import { cst, cstDate, type Millis } from '../core/time';
import type { Project } from '../project/project';
import { startOfNextDay } from './contact';
import type { ScheduleConfig } from './schedule';

/**
 * When the planner should next bring a project's follow-ups in line with its plan. Milestones, repairs
 * and complaints re-plan a project when they are recorded; the planner re-plans every project once a
 * day as well, because time alone changes a plan (a contract completion date that passes without
 * completion calls for the late-completion check, DOMAIN §3) and imported projects were never recorded
 * through a milestone. A project completed longer ago than the warranty horizon is not planned again
 * by the planner (null).
 */
export function nextPlanAt(project: Pick<Project, 'milestones'>, config: ScheduleConfig, now: Millis): Millis | null {
  const completed = project.milestones.completed;
  if (completed) {
    const horizonEnds = cst(completed).add(config.warrantyHorizonYears, 'year').add(config.warrantyWindowDays + 1, 'day');
    if (cstDate(now) > horizonEnds.format('YYYY-MM-DD')) return null;
  }
  return startOfNextDay(now);
}
