import { CommonErrors } from '@shared/core/errors';
import { ok } from '@shared/core/result';
import { FollowUpInputs, type HomeProject } from '@shared/followup/api';
import { grantCredit, type ContactLedger } from '@shared/followup/credits';
import type { FollowUp } from '@shared/followup/followup';
import { answeredFollowUps, homeFollowUp, homeTimeline, waitingFollowUps } from '@shared/followup/home';
import { answeredCount } from '@shared/survey/answers';
import { questionsOf, type Question, type SurveyStage } from '@shared/survey/catalogue';
import { action, defineFunction } from '../_platform/define';
import { marketingAllowed } from '../_usecases/consent';
import { changeContactLedger } from '../_usecases/contacts';
import { subscriptionsFor } from '../_usecases/subscriptions';
import { loadSurvey } from '../_usecases/surveys';
import { homeowner, lookup } from './homeowner';
import { call, calls, logCall } from './phone';
import { loadCampaignTemplate } from '../_usecases/settings';

/** WeChat's requestSubscribeMessage takes at most 3 templates per tap. */
const MAX_TEMPLATES_PER_TAP = 3;
const MAX_PROJECTS = 20;
/** A project has at most ~40 follow-ups. */
const MAX_FOLLOW_UPS = 500;

/** The homeowner's projects: the stage timeline, the surveys they can answer now, and the answered ones. */
const home = action({
  input: FollowUpInputs.home,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const [projects, followUps, ledger] = await Promise.all([
      store.projects.find({ homeownerId: user._id }, { orderBy: [['createdAt', 'desc']], limit: MAX_PROJECTS }),
      store.followups.find({ homeownerId: user._id }, { limit: MAX_FOLLOW_UPS }),
      store.contacts.get(user._id),
    ]);
    const stages = [...new Set(followUps.map((f) => f.stage))];
    const surveys = new Map<SurveyStage, Question[]>(
      await Promise.all(stages.map(async (s) => [s, questionsOf(await loadSurvey(store, s))] as [SurveyStage, Question[]])),
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
      subscriptions: await subscriptionsFor(store, user, ledger),
      contactWindows: user.contactWindows ?? null,
    });
  },
});

/**
 * What `wx.requestSubscribeMessage` answered: each template offered to the caller (a homeowner's
 * follow-up and progress templates, staff's work reminders) that they accepted adds one message
 * credit to their contact ledger (one acceptance = one message). Other answers and unknown ids
 * change nothing.
 */
const subscribed = action({
  input: FollowUpInputs.subscribed,
  roles: ['homeowner', 'siteManager', 'customerService', 'deptManager', 'admin'],
  async run({ store, user, now }, { results }) {
    const asked = Object.keys(results).filter((k) => k !== 'errMsg');
    if (asked.length > MAX_TEMPLATES_PER_TAP) return CommonErrors.badRequest({ results: `一次最多订阅 ${MAX_TEMPLATES_PER_TAP} 个消息模板` });
    const known = new Set((await subscriptionsFor(store, user, null)).map((t) => t.templateId));
    // the marketing template, only from a homeowner whose marketing consent on messages stands
    const marketing = await loadCampaignTemplate(store);
    if (marketing && asked.includes(marketing.id) && (await marketingAllowed(store, user._id, 'subscription', now))) known.add(marketing.id);
    const accepted = asked.filter((id) => results[id] === 'accept' && known.has(id));
    const ledger = await changeContactLedger(store, user._id, (current) =>
      accepted.reduce<ContactLedger | null>((l, templateId) => grantCredit(l, user._id, templateId, now), current),
    );
    return ok({ subscriptions: await subscriptionsFor(store, user, ledger) });
  },
});

/**
 * When the homeowner would rather be contacted (null: the company's windows). Follow-ups held for a
 * contact window are looked at again on the next dispatcher run, under the new times.
 */
const setContactTime = action({
  input: FollowUpInputs.setContactTime,
  roles: ['homeowner'],
  async run({ store, user, now }, { windows }) {
    await store.users.patch(user._id, { contactWindows: store.command.set(windows) });
    await store.followups.updateWhere({ homeownerId: user._id, state: 'pending', hold: 'outsideWindow' }, { nextActionAt: now, updatedAt: now });
    return ok({ contactWindows: windows });
  },
});

export const followUpFunction = defineFunction('followup', { home, subscribed, setContactTime, calls, call, logCall, lookup, homeowner });
