import type { ComplaintIntake } from '../complaint/intake';
import type { Project } from '../project/project';
import { complaintIntakes } from '../survey/answers';
import type { Answers } from '../survey/catalogue';
import { AFTER_REPAIR_SURVEY } from '../survey/after-repair';
import type { RepairRating, RepairTicket } from './ticket';

/**
 * The homeowner's rating of a confirmed repair is the after-repair survey (DOMAIN §5, seed 001 客户维修电话的回访):
 * its four checks, its 0–5 score and its comment are the questionnaire's questions, answered on the ticket.
 * So the rating closes the loop a survey answer does (DOMAIN §4): a score of 2 or less, or any "no",
 * opens a complaint; and the after-repair follow-up does not ask again what the rating answered.
 */

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** The rating as answers to the after-repair questionnaire (its question ids). */
export function ratingAnswers(r: Omit<RepairRating, 'at'>): Answers {
  return {
    contactedIn24h: yesNo(r.contactedWithin24h),
    timeAgreed: yesNo(r.timeAgreed),
    planAgreed: yesNo(r.planAgreed),
    result: r.satisfied ? 'good' : 'poor',
    overall: r.score,
    ...(r.comment.trim() ? { improve: r.comment.trim() } : {}),
  };
}

/** The after-repair follow-up a resolved ticket plans (shared/followup/schedule.ts keys it by the ticket). */
export const afterRepairKey = (ticketId: string) => `afterRepair:${ticketId}`;

/** The complaint a rating opens on one topic: one per ticket and topic, however often the rating is retried. */
export const ratingComplaintId = (ticketId: string, topic: string) => `repair-rating-${ticketId}-${topic}`;

/**
 * The complaints a rating opens, one per topic, judged by the product's own after-repair questions
 * (an admin's edit of the questionnaire cannot stop a low rating from reaching a department). Each names
 * the ticket it came from and is registered by the system on the repair channel.
 */
export function ratingComplaints(t: Pick<RepairTicket, '_id' | 'homeownerId' | 'projectId' | 'description'>, rating: Omit<RepairRating, 'at'>, project: Pick<Project, 'staff'> | null): ComplaintIntake[] {
  const survey = { ...AFTER_REPAIR_SURVEY, title: '报修评价' };
  const intakes = complaintIntakes(survey, ratingAnswers(rating), { _id: t._id, homeownerId: t.homeownerId, projectId: t.projectId }, project);
  return intakes.map((i) => ({
    ...i,
    description: `${i.description}\n报修内容：${t.description}`.slice(0, 1000),
    channel: 'repair',
    source: { kind: 'repair', id: t._id },
  }));
}

/** The same rating sent again (a retry after a lost answer), not a second one. */
export function sameRating(a: Omit<RepairRating, 'at'>, b: Omit<RepairRating, 'at'>): boolean {
  return (
    a.score === b.score &&
    a.contactedWithin24h === b.contactedWithin24h &&
    a.timeAgreed === b.timeAgreed &&
    a.planAgreed === b.planAgreed &&
    a.satisfied === b.satisfied &&
    a.comment.trim() === b.comment.trim()
  );
}
