import { ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { FollowUpInputs, type PhoneTask, type PhoneTaskSummary } from '@shared/followup/api';
import { callAttempt, calledFollowUp, callEvent, callScript, checkCall, FollowUpErrors, phoneTaskSummary, type LoggedCall } from '@shared/followup/calls';
import { windowsFor } from '@shared/followup/dispatch';
import type { FollowUp } from '@shared/followup/followup';
import type { Project } from '@shared/project/project';
import type { Answers } from '@shared/survey/catalogue';
import { withHotline } from '@shared/survey/defaults';
import { recordPersonalDataRead } from '../_usecases/audit';
import { checked, type Database } from '../_platform/database';
import { action } from '../_platform/define';
import { loadFollowUpSettings } from '../_usecases/settings';
import { findById, findByIds, findMany, withoutId } from '../_platform/store';
import { loadSurvey, recordSurveyAnswers } from '../_usecases/surveys';

const STAFF = ['customerService', 'admin'] as const;
const MAX_TASKS = 200;

/** Customer service's phone tasks, the earliest call time first (indexed: state + callAt). Phones masked. */
export const calls = action({
  input: FollowUpInputs.calls,
  roles: STAFF,
  async run({ deps }) {
    const tasks = await findMany<FollowUp>(deps.db.collection('followups').where({ state: 'phoneTask' }).orderBy('callAt', 'asc'), MAX_TASKS);
    return ok({ tasks: await summaries(deps.db, tasks) });
  },
});

/** One phone task to work: the homeowner's full number (an audited read), the script and the questions. */
export const call = action({
  input: FollowUpInputs.call,
  roles: STAFF,
  async run({ deps, user, now }, { followUpId }) {
    const f = await findById<FollowUp>(deps.db, 'followups', followUpId);
    if (!f) return FollowUpErrors.notFound();
    if (f.state !== 'phoneTask') return FollowUpErrors.notATask();
    const [project, homeowner, settings, survey] = await Promise.all([
      findById<Project>(deps.db, 'projects', f.projectId),
      findById<User>(deps.db, 'users', f.homeownerId),
      loadFollowUpSettings(deps.db),
      loadSurvey(deps.db, f.stage),
    ]);
    const summary = phoneTaskSummary(f, { projectName: project?.name ?? '', homeowner });
    const task: PhoneTask = {
      ...summary,
      homeownerPhone: homeowner?.phone ?? '',
      address: project?.address ?? '',
      dueDate: f.dueDate,
      windowEnd: f.windowEnd,
      script: callScript({ kind: f.kind, projectName: summary.projectName, homeownerName: summary.homeownerName, agentName: user.name, hotline: settings.hotline, companyName: settings.companyName }),
      survey: withHotline(survey, settings.hotline),
      draft: (f.draft as Answers | null) ?? null,
      history: f.attempts,
      contactWindows: homeowner?.contactWindows ?? null,
    };
    await recordPersonalDataRead(deps.db, { viewer: user, subjectId: f.homeownerId, record: `followups/${f._id}`, fields: ['name', 'phone', 'address'], at: now });
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
  async run({ deps, user, now }, input) {
    const f = await findById<FollowUp>(deps.db, 'followups', input.followUpId);
    if (!f) return FollowUpErrors.notFound();
    const logged: LoggedCall = { outcome: input.outcome, note: input.note, callAt: input.callAt };
    const refused = checkCall(f, logged, now);
    if (refused) return refused;
    let complaints: { id: string; category: string; department: string }[] = [];
    if (logged.outcome === 'answered') {
      if (!input.answers || Object.keys(input.answers).length === 0) return FollowUpErrors.answersRequired();
      const recorded = await recordSurveyAnswers(deps.db, f, input.answers, { channel: 'phone', by: user }, now);
      if (!recorded.ok) return recorded;
      const _ = deps.db.command;
      checked(
        await deps.db
          .collection('followups')
          .doc(f._id)
          .update({ attempts: _.push({ each: [callAttempt(logged, user, now)] }), history: _.push({ each: [callEvent(logged, user, now)] }), updatedAt: now }),
      );
      complaints = recorded.data.complaints.map((c) => ({ id: c.id, category: c.category, department: c.departmentLabel }));
    } else {
      const changed = await logOtherOutcome(deps.db, f._id, logged, user, now);
      if (!changed.ok) return changed;
    }
    const after = (await findById<FollowUp>(deps.db, 'followups', f._id)) ?? f;
    const [task] = await summaries(deps.db, [after]);
    return ok({ task, complaints });
  },
});

/** notNow, unreachable, declined: re-read and changed in one transaction, so a concurrent answer is not overwritten. */
async function logOtherOutcome(db: Database, id: string, logged: LoggedCall, user: User, now: Millis) {
  const settings = await loadFollowUpSettings(db);
  return db.runTransaction(async (tx) => {
    const ref = tx.collection('followups').doc(id);
    const current = (await ref.get()).data as unknown as FollowUp | null;
    if (!current) return FollowUpErrors.notFound();
    const homeowner = (await tx.collection('users').doc(current.homeownerId).get()).data as unknown as User | null;
    const next = calledFollowUp(current, logged, user, {
      now,
      windows: windowsFor(homeowner, settings.contactWindows),
      retryCallAfterHours: settings.retryCallAfterHours,
    });
    if (next.ok) await ref.set(withoutId(next.data));
    return next;
  });
}

/** Tasks with their project and homeowner names, the phone masked. */
async function summaries(db: Database, tasks: FollowUp[]): Promise<PhoneTaskSummary[]> {
  const [projects, people] = await Promise.all([
    findAllByIds<Project>(db, 'projects', tasks.map((t) => t.projectId)),
    findAllByIds<User>(db, 'users', tasks.map((t) => t.homeownerId)),
  ]);
  return tasks.map((t) => phoneTaskSummary(t, { projectName: projects.get(t.projectId)?.name ?? '', homeowner: people.get(t.homeownerId) ?? null }));
}

/** findByIds for any number of ids, 100 at a time. */
async function findAllByIds<T extends { _id: string }>(db: Database, collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  const maps = await Promise.all(chunks.map((c) => findByIds<T>(db, collection, c)));
  return new Map(maps.flatMap((m) => [...m]));
}
