import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { handlerLabel } from '@shared/complaint/remedy';
import { ok, type Result } from '@shared/core/result';
import { DEPARTMENT_LABELS } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { FollowUp } from '@shared/followup/followup';
import { checkAnswers, complaintIntakes, SurveyErrors, whyNotAnswerable } from '@shared/survey/answers';
import type { OpenedComplaint, OpenedRepair, SurveyAnswerRecord } from '@shared/survey/api';
import type { Answers, Survey, SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { answeredFollowUp, isRetryOf, newAnswerRecord, type AnswerChannel } from '@shared/survey/record';
import { withoutId } from '../_platform/collection';
import type { Stores } from '../_platform/stores';
import { openComplaint } from './complaints';
import { openDefectRepairs, toOpenedRepair } from './defects';
import { loadRepairRules } from './settings';

/**
 * The questionnaires (`surveys/<stage>`: the current version; `surveyVersions/<stage>-v<n>`: every
 * published one) and the answers to them (`surveyAnswers/<follow-up id>`).
 */

import { surveyVersionId } from './publish-survey';

export { surveyVersionId };

/** The complaint a follow-up's problem answers on one topic open: one per follow-up and topic, whatever retries. */
export const surveyComplaintId = (followUpId: string, category: ComplaintCategory) => `${followUpId}-${category}`;

/**
 * A stage's current questionnaire (the product's version 1 until an admin publishes one), or with
 * `version` the one answers of that version were given to.
 */
export async function loadSurvey(store: Stores, stage: SurveyStage, version?: number): Promise<Survey> {
  if (version !== undefined) {
    const kept = await store.surveyVersions.get(surveyVersionId(stage, version));
    if (kept) return withoutId(kept);
    if (version === DEFAULT_SURVEYS[stage].version) return DEFAULT_SURVEYS[stage];
  }
  const current = await store.surveys.get(stage);
  return current ? withoutId(current) : DEFAULT_SURVEYS[stage];
}

export interface RecordedAnswers {
  record: SurveyAnswerRecord;
  complaints: OpenedComplaint[];
  /** repair tickets opened for the defects the answers report */
  repairs: OpenedRepair[];
}

/**
 * Stores a homeowner's finished questionnaire, given in the mini-program or to customer service on the
 * phone, and opens one complaint per problem topic the same day (DOMAIN §4, closing the loop).
 *
 * The answer and the follow-up change are one transaction; the complaints are opened after it under
 * ids fixed by the follow-up and topic. Should the process die in between, submitting again opens the
 * missing ones: on an answered follow-up this re-runs the opening (which cannot open one twice), then
 * answers the stored record to a retry of the same submission (same channel, person and answers) and
 * SURVEY.ALREADY_ANSWERED to anything else. The escalate timer opens what a submission that was never
 * retried left unopened (`answersMissingComplaints`, then `openSurveyComplaints`).
 */
export async function recordSurveyAnswers(store: Stores, followUp: FollowUp, answers: Answers, via: AnswerChannel, now: Millis): Promise<Result<RecordedAnswers>> {
  const earlier = await store.surveyAnswers.get(followUp._id);
  if (earlier) return answeredAgain(store, earlier, answers, via, now);
  const survey = await loadSurvey(store, followUp.stage);
  const given = checkAnswers(survey, answers, { complete: true });
  if (!given.ok) return given;
  const stored = await store.transaction(async (tx): Promise<Result<SurveyAnswerRecord> | 'answered'> => {
    const f = await store.followups.within(tx).get(followUp._id);
    if (!f) return SurveyErrors.notFound();
    const records = store.surveyAnswers.within(tx);
    if (await records.get(f._id)) return 'answered';
    const refused = whyNotAnswerable(f, now);
    if (refused) return refused;
    const record = newAnswerRecord(f, survey, given.data, via, now);
    await records.put(record);
    await store.followups.within(tx).put(answeredFollowUp(f, via, now));
    return ok(record);
  });
  if (stored === 'answered') {
    const record = await store.surveyAnswers.get(followUp._id);
    return record ? answeredAgain(store, record, answers, via, now) : SurveyErrors.alreadyAnswered();
  }
  if (!stored.ok) return stored;
  return ok(await openSurveyComplaints(store, stored.data, now));
}

async function answeredAgain(store: Stores, record: SurveyAnswerRecord, answers: Answers, via: AnswerChannel, now: Millis): Promise<Result<RecordedAnswers>> {
  const opened = await openSurveyComplaints(store, record, now);
  const survey = await loadSurvey(store, record.stage, record.version);
  const given = checkAnswers(survey, answers, { complete: true });
  return given.ok && isRetryOf(record, given.data, via) ? ok(opened) : SurveyErrors.alreadyAnswered();
}

/**
 * Opens the complaints an answer record's problem answers call for, those not opened yet, as received
 * when the homeowner answered, and notes them on the record. Safe to run again: each has a fixed id.
 */
export async function openSurveyComplaints(store: Stores, record: SurveyAnswerRecord, now: Millis): Promise<RecordedAnswers> {
  const [survey, project] = await Promise.all([loadSurvey(store, record.stage, record.version), store.projects.get(record.projectId)]);
  const intakes = complaintIntakes(survey, record.answers, { _id: record.followUpId, homeownerId: record.homeownerId, projectId: record.projectId }, project);
  const opened: Complaint[] = [];
  for (const intake of intakes) opened.push(await openComplaint(store, intake, record.at, surveyComplaintId(record.followUpId, intake.category)));
  const complaintIds = opened.map((c) => c._id);
  const repairs = await openDefectRepairs(store, survey, record);
  const repairIds = repairs.map((t) => t._id);
  let done = record;
  if (record.complaintsOpenedAt === null || !sameList(record.complaintIds, complaintIds) || !sameList(record.repairIds, repairIds)) {
    const change = { complaintIds, repairIds, complaintsOpenedAt: record.complaintsOpenedAt ?? now };
    await store.surveyAnswers.patch(record._id, change);
    done = { ...record, ...change };
  }
  const handlers = await store.users.getMany(opened.flatMap((c) => (c.handlerId ? [c.handlerId] : [])));
  const rules = await loadRepairRules(store);
  return {
    record: done,
    complaints: opened.map((c) => toOpenedComplaint(c, c.handlerId ? (handlers.get(c.handlerId)?.name ?? null) : null)),
    repairs: repairs.map((t) => toOpenedRepair(t, rules.onSiteWithinHours[t.category], rules.contactWithinHours)),
  };
}

/** An answer older than this whose complaints are still not all open was cut off half-way. */
export const SURVEY_RECOVERY_AFTER_MS = 2 * 60_000;

/**
 * Nothing acknowledged is lost: an answer is stored before the complaints its problems open, so a
 * submission cut off between the two (and never retried) leaves `complaintsOpenedAt` null. These are
 * such answers, oldest first; `openSurveyComplaints` opens what each is owed, and takes it off this list.
 */
export function answersMissingComplaints(store: Stores, now: Millis, limit: number): Promise<SurveyAnswerRecord[]> {
  return store.surveyAnswers.find(
    { complaintsOpenedAt: null, at: store.command.lt(now - SURVEY_RECOVERY_AFTER_MS) },
    { orderBy: [['at', 'asc']], limit },
  );
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function toOpenedComplaint(c: Complaint, handlerName: string | null): OpenedComplaint {
  return {
    id: c._id,
    ref: c.ref,
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    departmentLabel: DEPARTMENT_LABELS[c.department],
    handlerLabel: handlerLabel(c, handlerName),
    replyBy: c.replyBy,
  };
}

