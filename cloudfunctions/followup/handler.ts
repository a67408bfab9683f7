import { CommonErrors } from '@shared/core/errors';
import { ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { FollowUpInputs, type HomeProject, type SubscriptionState } from '@shared/followup/api';
import type { TemplateSettings } from '@shared/followup/templates';
import { subscriptionId } from '@shared/followup/dispatch';
import type { FollowUp } from '@shared/followup/followup';
import {
  answeredFollowUps,
  configuredTemplates,
  homeFollowUp,
  homeTimeline,
  subscriptionStates,
  waitingFollowUps,
} from '@shared/followup/home';
import type { Project } from '@shared/project/project';
import { questionsOf, type Question, type SurveyStage } from '@shared/survey/catalogue';
import type { Database } from '../_platform/database';
import { action, defineFunction } from '../_platform/define';
import { loadFollowUpSettings } from '../_usecases/settings';
import { findByIds, findMany } from '../_platform/store';
import { loadSurvey } from '../_usecases/surveys';
import { answeredCount } from '@shared/survey/answers';
import { call, calls, logCall } from './phone';

/** WeChat's requestSubscribeMessage takes at most 3 templates per tap. */
const MAX_TEMPLATES_PER_TAP = 3;
const MAX_PROJECTS = 20;
/** A project has at most ~40 follow-ups. */
const MAX_FOLLOW_UPS = 500;

/** The homeowner's projects: the stage timeline, the surveys they can answer now, and the answered ones. */
const home = action({
  input: FollowUpInputs.home,
  roles: ['homeowner'],
  async run({ deps, user, now }) {
    const db = deps.db;
    const [projects, followUps, settings] = await Promise.all([
      findMany<Project>(db.collection('projects').where({ homeownerId: user._id }).orderBy('createdAt', 'desc'), MAX_PROJECTS),
      findMany<FollowUp>(db.collection('followups').where({ homeownerId: user._id }), MAX_FOLLOW_UPS),
      loadFollowUpSettings(db),
    ]);
    const stages = [...new Set(followUps.map((f) => f.stage))];
    const surveys = new Map<SurveyStage, Question[]>(
      await Promise.all(stages.map(async (s) => [s, questionsOf(await loadSurvey(db, s))] as [SurveyStage, Question[]])),
    );
    const questions = (f: FollowUp) => surveys.get(f.stage) ?? [];
    const view: HomeProject[] = projects.map((p) => {
      const mine = followUps.filter((f) => f.projectId === p._id);
      return {
        id: p._id,
        name: p.name,
        address: p.address,
        timeline: homeTimeline(p.milestones),
        waiting: waitingFollowUps(mine, now, (f) => questions(f).length > 0).map((f) => homeFollowUp(f, answeredCount(questions(f), f.draft))),
        answered: answeredFollowUps(mine).map((f) => homeFollowUp(f, { answered: questions(f).length, total: questions(f).length })),
      };
    });
    return ok({
      projects: view,
      subscriptions: await subscriptionsOf(db, user._id, settings.templates),
      contactWindows: user.contactWindows ?? null,
    });
  },
});

/**
 * What `wx.requestSubscribeMessage` answered: each template the company uses that the homeowner
 * accepted adds one message credit (one acceptance = one message). Other answers and unknown ids
 * change nothing.
 */
const subscribed = action({
  input: FollowUpInputs.subscribed,
  roles: ['homeowner'],
  async run({ deps, user, now }, { results }) {
    const asked = Object.keys(results).filter((k) => k !== 'errMsg');
    if (asked.length > MAX_TEMPLATES_PER_TAP) return CommonErrors.badRequest({ results: `一次最多订阅 ${MAX_TEMPLATES_PER_TAP} 个消息模板` });
    const settings = await loadFollowUpSettings(deps.db);
    const known = new Set(configuredTemplates(settings.templates).map((t) => t.template.id));
    for (const templateId of asked.filter((id) => results[id] === 'accept' && known.has(id))) {
      await addCredit(deps.db, user, templateId, now);
    }
    return ok({ subscriptions: await subscriptionsOf(deps.db, user._id, settings.templates) });
  },
});

/**
 * When the homeowner would rather be contacted (null: the company's windows). Follow-ups held for a
 * contact window are looked at again on the next dispatcher run, under the new times.
 */
const setContactTime = action({
  input: FollowUpInputs.setContactTime,
  roles: ['homeowner'],
  async run({ deps, user, now }, { windows }) {
    await deps.db.collection('users').doc(user._id).update({ contactWindows: deps.db.command.set(windows) });
    await deps.db
      .collection('followups')
      .where({ homeownerId: user._id, state: 'pending', hold: 'outsideWindow' })
      .update({ nextActionAt: now, updatedAt: now });
    return ok({ contactWindows: windows });
  },
});

async function addCredit(db: Database, user: User, templateId: string, now: number): Promise<void> {
  await db.runTransaction(async (tx) => {
    const ref = tx.collection('subscriptions').doc(subscriptionId(user._id, templateId));
    const had = ((await ref.get()).data ?? {}) as Record<string, unknown>;
    const n = (field: string) => (typeof had[field] === 'number' ? (had[field] as number) : 0);
    await ref.set({ homeownerId: user._id, templateId, credits: n('credits') + 1, accepted: n('accepted') + 1, spent: n('spent'), updatedAt: now });
  });
}

async function subscriptionsOf(db: Database, homeownerId: string, templates: TemplateSettings): Promise<SubscriptionState[]> {
  const ids = configuredTemplates(templates).map((t) => t.template.id);
  const docs = await findByIds<{ _id: string; credits?: number }>(db, 'subscriptions', ids.map((id) => subscriptionId(homeownerId, id)));
  return subscriptionStates(templates, (templateId) => docs.get(subscriptionId(homeownerId, templateId))?.credits ?? 0);
}

export const followUpFunction = defineFunction('followup', { home, subscribed, setContactTime, calls, call, logCall });
