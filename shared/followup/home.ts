import type { Millis } from '../core/time';
import { MILESTONE_LABELS, MILESTONES, type Milestone, type Project } from '../project/project';
import type { HomeFollowUp, SubscriptionState, TimelineStep } from './api';
import { answerable, type FollowUp } from './followup';
import { FOLLOW_UP_LABELS } from './schedule';
import { TEMPLATE_PURPOSE_LABELS, TEMPLATE_PURPOSES, type TemplateConfig, type TemplatePurpose, type TemplateSettings } from './templates';

/** The contract completion date is a plan, not a step reached: it is shown, never the current step. */
const PLANS: readonly Milestone[] = ['plannedCompletion'];

/** The homeowner's view of their project's stages: every milestone, its date once recorded, the latest one reached. */
export function homeTimeline(milestones: Project['milestones']): TimelineStep[] {
  const reached = MILESTONES.filter((m) => !PLANS.includes(m) && milestones[m]);
  const current = reached.length ? reached[reached.length - 1] : null;
  return MILESTONES.map((m) => ({ milestone: m, label: MILESTONE_LABELS[m], date: milestones[m] ?? null, current: m === current }));
}

/** A follow-up as the homeowner sees it on their home page. */
export function homeFollowUp(f: FollowUp, progress: { answered: number; total: number }): HomeFollowUp {
  return { id: f._id, kind: f.kind, label: FOLLOW_UP_LABELS[f.kind], stage: f.stage, dueDate: f.dueDate, windowEnd: f.windowEnd, state: f.state, progress };
}

/** Follow-ups the homeowner can answer now, the earliest due first (`hasQuestions`: the welcome has none). */
export function waitingFollowUps(list: FollowUp[], now: Millis, hasQuestions: (f: FollowUp) => boolean): FollowUp[] {
  return list.filter((f) => answerable(f, now) && hasQuestions(f)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}

/** Answered follow-ups, newest first, at most `limit`. */
export function answeredFollowUps(list: FollowUp[], limit = 10): FollowUp[] {
  return list
    .filter((f) => f.state === 'answered')
    .sort((a, b) => (b.answeredAt ?? 0) - (a.answeredAt ?? 0))
    .slice(0, limit);
}

/** The configured templates, once each (two purposes may share a template, and so its credits). */
export function configuredTemplates(templates: TemplateSettings): { purpose: TemplatePurpose; template: TemplateConfig }[] {
  const seen = new Set<string>();
  const out: { purpose: TemplatePurpose; template: TemplateConfig }[] = [];
  for (const purpose of TEMPLATE_PURPOSES) {
    const template = templates[purpose];
    if (!template || seen.has(template.id)) continue;
    seen.add(template.id);
    out.push({ purpose, template });
  }
  return out;
}

/** What the homeowner has left of each configured template. */
export function subscriptionStates(templates: TemplateSettings, creditsOf: (templateId: string) => number): SubscriptionState[] {
  return configuredTemplates(templates).map(({ purpose, template }) => ({
    purpose,
    label: TEMPLATE_PURPOSE_LABELS[purpose],
    templateId: template.id,
    credits: creditsOf(template.id),
  }));
}
