import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { ok, type Result } from '@shared/core/result';
import { DEPARTMENT_LABELS, type User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { FollowUp } from '@shared/followup/followup';
import type { Project } from '@shared/project/project';
import { checkAnswers, complaintIntakes, SurveyErrors, whyNotAnswerable } from '@shared/survey/answers';
import type { OpenedComplaint, SurveyAnswerRecord } from '@shared/survey/api';
import { questionsOf, type Answers, type Survey, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { openComplaint } from './complaints';
import { checked, type Database } from '../_platform/database';
import { findById, withoutId } from '../_platform/store';

/**
 * The questionnaires (`surveys/<stage>`: the current version; `surveyVersions/<stage>-v<n>`: every
 * published one) and the answers to them (`surveyAnswers/<follow-up id>`).
 */

export const surveyVersionId = (stage: SurveyStage, version: number) => `${stage}-v${version}`;

/** The complaint a follow-up's problem answers on one topic open: one per follow-up and topic, whatever retries. */
export const surveyComplaintId = (followUpId: string, category: ComplaintCategory) => `${followUpId}-${category}`;

type Stored<T> = T & { _id: string };

/**
 * A stage's current questionnaire (the product's version 1 until an admin publishes one), or with
 * `version` the one answers of that version were given to.
 */
export async function loadSurvey(db: Database, stage: SurveyStage, version?: number): Promise<Survey> {
  if (version !== undefined) {
    const kept = await findById<Stored<Survey>>(db, 'surveyVersions', surveyVersionId(stage, version));
    if (kept) return withoutId(kept);
    if (version === DEFAULT_SURVEYS[stage].version) return DEFAULT_SURVEYS[stage];
  }
  const current = await findById<Stored<Survey>>(db, 'surveys', stage);
  return current ? withoutId(current) : DEFAULT_SURVEYS[stage];
}

export interface RecordedAnswers {
  record: SurveyAnswerRecord;
  complaints: OpenedComplaint[];
}

/**
 * Stores a homeowner's finished questionnaire, given in the mini-program or to customer service on the
 * phone, and opens one complaint per problem topic the same day (DOMAIN §4, closing the loop).
 *
 * The answer and the follow-up change are one transaction; the complaints are opened after it under
 * ids fixed by the follow-up and topic. Should the process die in between, submitting again opens the
 * missing ones: on an answered follow-up this re-runs the opening (which cannot open one twice), then
 * answers the stored record to a retry of the same submission (same channel, person and answers) and
 * SURVEY.ALREADY_ANSWERED to anything else.
 */
export async function recordSurveyAnswers(
  db: Database,
  followUp: FollowUp,
  answers: Answers,
  via: { channel: 'miniProgram' | 'phone'; by: User },
  now: Millis,
): Promise<Result<RecordedAnswers>> {
  const earlier = await findById<SurveyAnswerRecord>(db, 'surveyAnswers', followUp._id);
  if (earlier) return answeredAgain(db, earlier, answers, via, now);
  const survey = await loadSurvey(db, followUp.stage);
  const given = checkAnswers(survey, answers, { complete: true });
  if (!given.ok) return given;
  const stored = await db.runTransaction(async (tx): Promise<Result<SurveyAnswerRecord> | 'answered'> => {
    const f = (await tx.collection('followups').doc(followUp._id).get()).data as unknown as FollowUp | null;
    if (!f) return SurveyErrors.notFound();
    if ((await tx.collection('surveyAnswers').doc(f._id).get()).data) return 'answered';
    const refused = whyNotAnswerable(f, now);
    if (refused) return refused;
    const record: SurveyAnswerRecord = {
      _id: f._id, followUpId: f._id, projectId: f.projectId, homeownerId: f.homeownerId, kind: f.kind, stage: f.stage,
      version: survey.version, answers: given.data, score: overallScore(survey, given.data),
      channel: via.channel, by: via.by._id, at: now, complaintIds: [], complaintsOpenedAt: null,
    };
    await tx.collection('surveyAnswers').doc(f._id).set(withoutId(record));
    await tx.collection('followups').doc(f._id).set(withoutId(answeredFollowUp(f, via, now)));
    return ok(record);
  });
  if (stored === 'answered') {
    const record = await findById<SurveyAnswerRecord>(db, 'surveyAnswers', followUp._id);
    return record ? answeredAgain(db, record, answers, via, now) : SurveyErrors.alreadyAnswered();
  }
  if (!stored.ok) return stored;
  return ok(await openSurveyComplaints(db, stored.data, now));
}

/** The follow-up once answered: nothing more for the dispatcher or the phone queue, the draft done with. */
function answeredFollowUp(f: FollowUp, via: { channel: 'miniProgram' | 'phone'; by: User }, now: Millis): FollowUp {
  return {
    ...f, state: 'answered', answeredAt: now, nextActionAt: null, callAt: null, hold: null, draft: null, updatedAt: now,
    history: [...f.history, { at: now, event: 'answered', by: via.by._id, note: via.channel === 'phone' ? '电话回访' : '小程序' }],
  };
}

/** The 0–5 overall score, when the questionnaire has one and it was answered. */
function overallScore(survey: Survey, answers: Answers): number | null {
  const q = questionsOf(survey).find((x) => x.type === 'score');
  const v = q ? answers[q.id] : undefined;
  return typeof v === 'number' ? v : null;
}

async function answeredAgain(
  db: Database,
  record: SurveyAnswerRecord,
  answers: Answers,
  via: { channel: 'miniProgram' | 'phone'; by: User },
  now: Millis,
): Promise<Result<RecordedAnswers>> {
  const opened = await openSurveyComplaints(db, record, now);
  const survey = await loadSurvey(db, record.stage, record.version);
  const given = checkAnswers(survey, answers, { complete: true });
  const retry = record.channel === via.channel && record.by === via.by._id && given.ok && sameAnswers(given.data, record.answers);
  return retry ? ok(opened) : SurveyErrors.alreadyAnswered();
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Opens the complaints an answer record's problem answers call for, those not opened yet, as received
 * when the homeowner answered, and notes them on the record. Safe to run again: each has a fixed id.
 */
export async function openSurveyComplaints(db: Database, record: SurveyAnswerRecord, now: Millis): Promise<RecordedAnswers> {
  const [survey, project] = await Promise.all([
    loadSurvey(db, record.stage, record.version),
    findById<Project>(db, 'projects', record.projectId),
  ]);
  const intakes = complaintIntakes(survey, record.answers, { _id: record.followUpId, homeownerId: record.homeownerId, projectId: record.projectId }, project);
  const opened: Complaint[] = [];
  for (const intake of intakes) opened.push(await openComplaint(db, intake, record.at, surveyComplaintId(record.followUpId, intake.category)));
  const complaintIds = opened.map((c) => c._id);
  let done = record;
  if (record.complaintsOpenedAt === null || !sameList(record.complaintIds, complaintIds)) {
    const change = { complaintIds, complaintsOpenedAt: record.complaintsOpenedAt ?? now };
    checked(await db.collection('surveyAnswers').doc(record._id).update(change));
    done = { ...record, ...change };
  }
  return { record: done, complaints: opened.map(toOpenedComplaint) };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function toOpenedComplaint(c: Complaint): OpenedComplaint {
  return { id: c._id, category: c.category, categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category], departmentLabel: DEPARTMENT_LABELS[c.department] };
}
