import { fail, ok, type Result } from '@shared/core/result';
import type { Millis } from '@shared/core/time';
import { followUpId, type FollowUp } from '@shared/followup/followup';
import { afterRepairKey, ratingAnswers, ratingComplaintId, ratingComplaints } from '@shared/repair/rating';
import type { RepairRating, RepairTicket } from '@shared/repair/ticket';
import { checkAnswers, draftAnswers } from '@shared/survey/answers';
import { AFTER_REPAIR_SURVEY } from '@shared/survey/after-repair';
import { answeredFollowUp, newAnswerRecord } from '@shared/survey/record';
import type { Stores } from '../_platform/stores';
import { openComplaint } from '../_usecases/complaints';
import { withoutId } from '../_platform/collection';

/** Follow-ups the rating may still answer: planned, sent, or waiting for a call. */
const OWED: readonly FollowUp['state'][] = ['pending', 'sent', 'phoneTask'];
const UNCHANGED = fail('FOLLOWUP.UNCHANGED', '回访已被其他操作更新');

/**
 * What a stored rating sets off (DOMAIN §4, §5): the complaints its problem answers call for, opened under
 * ids fixed by the ticket and topic (a retried rating opens nothing twice), and the after-repair follow-up
 * answered with it, so that the homeowner is not asked the same questions again. When the current
 * questionnaire asks more than the rating answers, what the rating answered is kept as the follow-up's
 * draft, and only the rest is asked. Answers the ids of the complaints opened.
 */
export async function afterRating(store: Stores, t: RepairTicket, rating: RepairRating, now: Millis): Promise<string[]> {
  const project = await store.projects.get(t.projectId);
  const opened: string[] = [];
  for (const intake of ratingComplaints(t, rating, project)) {
    opened.push((await openComplaint(store, intake, rating.at, ratingComplaintId(t._id, intake.category)))._id);
  }
  await answerFollowUp(store, t, rating, opened, now);
  return opened;
}

async function answerFollowUp(store: Stores, t: RepairTicket, rating: RepairRating, complaintIds: string[], now: Millis): Promise<void> {
  const id = followUpId(t.projectId, afterRepairKey(t._id));
  // the current after-repair questionnaire: an admin's published version, else the one that ships
  const published = await store.surveys.get('afterRepair');
  const survey = published ? withoutId(published) : AFTER_REPAIR_SURVEY;
  const given = draftAnswers(survey, ratingAnswers(rating));
  const complete = checkAnswers(survey, given, { complete: true });
  const via = { channel: 'miniProgram' as const, by: { _id: t.homeownerId } };
  await store.transaction(async (tx) => {
    const records = store.surveyAnswers.within(tx);
    if (await records.get(id)) return;
    const f = await store.followups.within(tx).get(id);
    if (!f || !OWED.includes(f.state)) return;
    if (!complete.ok) {
      await store.followups.within(tx).modify(id, (found): Result<FollowUp> => (found ? ok({ ...found, draft: { ...found.draft, ...given }, updatedAt: now }) : UNCHANGED));
      return;
    }
    await records.put({ ...newAnswerRecord(f, survey, complete.data, via, now), complaintIds, complaintsOpenedAt: now });
    const answered = answeredFollowUp(f, via, now);
    const event = { at: now, event: 'answered' as const, by: t.homeownerId, note: '业主在报修单上评价时已回答' };
    await store.followups.within(tx).put({ ...answered, history: [...f.history, event] });
  });
}
