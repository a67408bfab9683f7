import { ok, type Result } from '@shared/core/result';
import { hasRole, type User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { FollowUpInputs, type FollowUpReplies, type PhoneTask, type PhoneTaskSummary } from '@shared/followup/api';
import { callableFrom, callAttempt, calledFollowUp, callEvent, callScript, checkCall, FollowUpErrors, missedCalls, orderPhoneTasks, phoneTaskSummary, type LoggedCall } from '@shared/followup/calls';
import { windowsFor } from '@shared/followup/dispatch';
import type { FollowUp } from '@shared/followup/followup';
import { draftAnswers } from '@shared/survey/answers';
import type { OpenedRepair } from '@shared/survey/api';
import { answerMinutes } from '@shared/survey/estimate';
import { withHotline } from '@shared/survey/defaults';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead, recordPersonalDataReads } from '../_usecases/audit';
import { phoneRecordsReader } from '../_usecases/recordAccess';
import { loadFollowUpSettings } from '../_usecases/settings';
import { loadSurvey, recordSurveyAnswers } from '../_usecases/surveys';

const STAFF = ['customerService', 'admin'] as const;
/** who may read (never log) phone follow-up records with an admin's approval (001 §十); see `phoneRecordsReader` */
export const PHONE_RECORD_READERS = ['customerService', 'admin', 'deptManager', 'siteManager'] as const;
const MAX_TASKS = 200;

/**
 * Customer service's phone tasks, the earliest call time first (indexed: state + callAt); others only
 * under an admin's live approval (001 §十). Warranty-period spot-checks (`spotCheck`) are admin/HR's
 * calls: they are listed to admins only. Phones masked; the homeowners' names shown are an audited read, one entry per homeowner in the list.
 */
export const calls = action({
  input: FollowUpInputs.calls,
  roles: PHONE_RECORD_READERS,
  async run({ store, user, now }) {
    const reader = await phoneRecordsReader(store, user, now);
    if (!reader.ok) return reader;
    // warranty spot-checks are admin/HR's calls (001 §五): in an admin's list, not customer service's
    const mine = hasRole(user, 'admin') ? { state: 'phoneTask' } : { state: 'phoneTask', phoneReason: store.command.neq('spotCheck') };
    const tasks = await store.followups.find(mine, { orderBy: [['callAt', 'asc']], limit: MAX_TASKS });
    const listed = orderPhoneTasks(await summaries(store, tasks), now);
    await recordPersonalDataReads(store, { viewer: user, subjects: tasks.map((t) => ({ subjectId: t.homeownerId, record: `followups/${t._id}` })), fields: ['name'], at: now, approvalId: reader.grantId });
    return ok({ tasks: listed });
  },
});

/**
 * One phone task to work: the homeowner's full number (an audited read), the script and the questions.
 * Staff other than customer service and admins read it only under an admin's live approval, and only
 * read it (logging a call stays customer service's).
 */
export const call = action({
  input: FollowUpInputs.call,
  roles: PHONE_RECORD_READERS,
  async run({ store, user, now }, { followUpId }) {
    const reader = await phoneRecordsReader(store, user, now);
    if (!reader.ok) return reader;
    const f = await store.followups.get(followUpId);
    if (!f) return FollowUpErrors.notFound();
    if (f.state !== 'phoneTask') return FollowUpErrors.notATask();
    const [project, homeowner, settings, survey] = await Promise.all([
      store.projects.get(f.projectId),
      store.users.get(f.homeownerId),
      loadFollowUpSettings(store),
      loadSurvey(store, f.stage),
    ]);
    const summary = phoneTaskSummary(f, { projectName: project?.name ?? '', homeowner, complaints: (await complaintCounts(store, [f.homeownerId])).get(f.homeownerId) });
    const task: PhoneTask = {
      ...summary,
      homeownerId: f.homeownerId,
      homeownerPhone: homeowner?.phone ?? '',
      address: project?.address ?? '',
      dueDate: f.dueDate,
      windowEnd: f.windowEnd,
      script: callScript({ kind: f.kind, projectName: summary.projectName, homeownerName: summary.homeownerName, agentName: user.name, hotline: settings.hotline, companyName: settings.companyName, minutes: answerMinutes(survey, 'phone') }),
      survey: withHotline(survey, settings.hotline),
      draft: f.draft ? draftAnswers(survey, f.draft) : null,
      history: f.attempts,
      contactWindows: homeowner?.contactWindows ?? null,
      callableFrom: callableFrom(f, settings),
      callsLeft: Math.max(0, settings.maxCallAttempts - missedCalls(f)),
    };
    await recordPersonalDataRead(store, { viewer: user, subjectId: f.homeownerId, record: `followups/${f._id}`, fields: ['name', 'phone', 'address'], at: now, approvalId: reader.grantId });
    return ok({ task });
  },
});

/**
 * What came of a call. answered: the answers are recorded as the homeowner's, given by phone (problem
 * answers open complaints the same day); notNow: called again at the time the homeowner named;
 * unreachable: tried again later; declined: closed. Every outcome is kept on the follow-up.
 */
export const logCall = action({
  input: FollowUpInputs.logCall,
  roles: STAFF,
  async run({ store, user, now }, input) {
    const f = await store.followups.get(input.followUpId);
    if (!f) return FollowUpErrors.notFound();
    const logged: LoggedCall = { outcome: input.outcome, note: input.note, callAt: input.callAt };
    const limits = await loadFollowUpSettings(store);
    const refused = checkCall(f, logged, now, limits);
    if (refused) return refused;
    let complaints: FollowUpReplies['logCall']['complaints'] = [];
    let repairs: OpenedRepair[] = [];
    if (logged.outcome === 'answered') {
      if (!input.answers || Object.keys(input.answers).length === 0) return FollowUpErrors.answersRequired();
      const recorded = await recordSurveyAnswers(store, f, input.answers, { channel: 'phone', by: user }, now);
      if (!recorded.ok) return recorded;
      const _ = store.command;
      await store.followups.patch(f._id, { attempts: _.push({ each: [callAttempt(logged, user, now)] }), history: _.push({ each: [callEvent(logged, user, now)] }), updatedAt: now });
      complaints = recorded.data.complaints.map((c) => ({
        id: c.id, ref: c.ref, category: c.category, department: c.departmentLabel, handlerLabel: c.handlerLabel, replyBy: c.replyBy,
      }));
      repairs = recorded.data.repairs;
    } else {
      const changed = await logOtherOutcome(store, f._id, logged, user, now);
      if (!changed.ok) return changed;
    }
    const after = (await store.followups.get(f._id)) ?? f;
    const [task] = await summaries(store, [after]);
    await recordPersonalDataRead(store, { viewer: user, subjectId: f.homeownerId, record: `followups/${f._id}`, fields: ['name'], at: now });
    return ok({ task, complaints, repairs });
  },
});

/** notNow, unreachable, declined: re-read and changed in one transaction, so a concurrent answer is not overwritten. */
async function logOtherOutcome(store: Stores, id: string, logged: LoggedCall, user: User, now: Millis) {
  const settings = await loadFollowUpSettings(store);
  return store.transaction(async (tx) => {
    const current = await store.followups.within(tx).get(id);
    const homeowner = current && (await store.users.within(tx).get(current.homeownerId));
    return store.followups.within(tx).modify(id, (found): Result<FollowUp> => {
      if (!found) return FollowUpErrors.notFound();
      return calledFollowUp(found, logged, user, {
        now,
        windows: windowsFor(homeowner, settings.contactWindows),
        retryCallAfterHours: settings.retryCallAfterHours,
        maxCallAttempts: settings.maxCallAttempts,
        minCallSpacingMinutes: settings.minCallSpacingMinutes,
      });
    });
  });
}

/** Tasks with their project and homeowner names, the phone masked, and whether the homeowner complained before. */
async function summaries(store: Stores, tasks: FollowUp[]): Promise<PhoneTaskSummary[]> {
  const homeownerIds = tasks.map((t) => t.homeownerId);
  const [projects, people, complaints] = await Promise.all([
    store.projects.getMany(tasks.map((t) => t.projectId)),
    store.users.getMany(homeownerIds),
    complaintCounts(store, homeownerIds),
  ]);
  return tasks.map((t) =>
    phoneTaskSummary(t, { projectName: projects.get(t.projectId)?.name ?? '', homeowner: people.get(t.homeownerId) ?? null, complaints: complaints.get(t.homeownerId) }),
  );
}

/** At most this many of the listed homeowners' complaints are counted: a count is a priority mark, not a report. */
const COUNTED_COMPLAINTS = 1000;

/** How many complaints each homeowner has made, whatever came of them. */
async function complaintCounts(store: Stores, homeownerIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(homeownerIds)];
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const found = await store.complaints.find({ homeownerId: store.command.in(ids) }, { limit: COUNTED_COMPLAINTS });
  for (const c of found) counts.set(c.homeownerId, (counts.get(c.homeownerId) ?? 0) + 1);
  return counts;
}
