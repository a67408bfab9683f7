import type { User } from '../core/roles';
import { FOLLOW_UP_STATE_LABELS, type FollowUp } from '../followup/followup';
import { FOLLOW_UP_LABELS } from '../followup/schedule';
import type { Project } from '../project/project';
import type { SurveyAnswerRecord } from '../survey/api';
import type { Period } from './periods';
import { FOLLOW_UP_RATE_TARGET, MIN_FOLLOW_UPS, type WeeklyFigures, type WeeklyRow } from './report';

/**
 * A follow-up was made when the homeowner was reached: the message was delivered (sent, or answered
 * through it), customer service got through on the phone (any attempt but "unreachable"), or nothing
 * more was owed once delivered (the welcome). Cancelled and expired follow-ups were never owed.
 */
export function followUpMade(f: Pick<FollowUp, 'state' | 'message' | 'attempts'>): boolean {
  if (f.state === 'answered' || f.state === 'sent' || f.state === 'done') return true;
  if (f.message?.sentAt) return true;
  return f.attempts.some((a) => a.outcome !== 'unreachable');
}

const owed = (f: Pick<FollowUp, 'state'>) => f.state !== 'cancelled' && f.state !== 'expired';

export interface WeeklyInput {
  week: Period;
  /** every project (under construction, completed, or not started) */
  projects: Project[];
  /** the follow-ups due in the week (dueDate within it) */
  dueThisWeek: FollowUp[];
  /** every follow-up of the projects under construction or completed this week, for "below three" */
  ofProjectsInScope: FollowUp[];
  answers: Map<string, SurveyAnswerRecord>;
  siteManagers: Map<string, User>;
}

/** Projects the "below three follow-ups" line looks at: under construction at the week's end, or completed in it. */
export function projectsInScope(projects: Project[], week: Period): Project[] {
  return projects.filter((p) => {
    const { started, completed } = p.milestones;
    if (!started || started > week.to) return false;
    return !completed || completed > week.to || completed >= week.from;
  });
}

/** The weekly report (001 §七): this week's follow-ups by project status, the summary against 90%, projects completed. Pure. */
export function weeklyFigures(input: WeeklyInput): WeeklyFigures {
  const { week } = input;
  const projects = new Map(input.projects.map((p) => [p._id, p]));
  const completedByWeekEnd = (p: Project | undefined) => Boolean(p?.milestones.completed && p.milestones.completed <= week.to);
  const rows = input.dueThisWeek
    .filter((f) => owed(f) && f.dueDate >= week.from && f.dueDate <= week.to)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a._id.localeCompare(b._id))
    .map((f): WeeklyRow & { completedProject: boolean } => {
      const p = projects.get(f.projectId);
      return {
        followUpId: f._id, projectId: f.projectId, projectName: p?.name ?? f.projectId, kind: f.kind, label: FOLLOW_UP_LABELS[f.kind],
        dueDate: f.dueDate, state: f.state, stateLabel: FOLLOW_UP_STATE_LABELS[f.state], made: followUpMade(f), answered: f.state === 'answered',
        score: input.answers.get(f._id)?.score ?? null, completedProject: completedByWeekEnd(p),
      };
    });
  const strip = ({ completedProject: _c, ...row }: WeeklyRow & { completedProject: boolean }): WeeklyRow => row;
  const due = rows.length;
  const made = rows.filter((r) => r.made).length;
  const rate = due ? made / due : null;

  const madePerProject = new Map<string, number>();
  for (const f of input.ofProjectsInScope) if (owed(f) && followUpMade(f)) madePerProject.set(f.projectId, (madePerProject.get(f.projectId) ?? 0) + 1);
  const belowThree = projectsInScope(input.projects, week)
    .map((p) => ({ projectId: p._id, projectName: p.name, made: madePerProject.get(p._id) ?? 0 }))
    .filter((p) => p.made < MIN_FOLLOW_UPS)
    .sort((a, b) => a.made - b.made || a.projectId.localeCompare(b.projectId));

  const completedThisWeek = input.projects
    .filter((p) => p.milestones.completed && p.milestones.completed >= week.from && p.milestones.completed <= week.to)
    .map((p) => ({ projectId: p._id, projectName: p.name, completed: p.milestones.completed ?? '', siteManagerName: input.siteManagers.get(p.siteManagerId)?.name ?? '' }))
    .sort((a, b) => a.completed.localeCompare(b.completed) || a.projectId.localeCompare(b.projectId));

  return {
    underConstruction: rows.filter((r) => !r.completedProject).map(strip),
    completed: rows.filter((r) => r.completedProject).map(strip),
    summary: {
      due, made, answered: rows.filter((r) => r.answered).length, rate, target: FOLLOW_UP_RATE_TARGET,
      meetsTarget: rate === null ? null : rate >= FOLLOW_UP_RATE_TARGET, belowThree,
    },
    completedThisWeek,
  };
}
