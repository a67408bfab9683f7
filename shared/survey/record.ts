import type { Millis } from '../core/time';
import type { FollowUp } from '../followup/followup';
import type { SurveyAnswerRecord } from './api';
import { questionsOf, type Answers, type Survey } from './catalogue';

/** Who gave the answers: the homeowner in the mini-program, or customer service writing them down on the phone. */
export interface AnswerChannel {
  channel: 'miniProgram' | 'phone';
  by: { _id: string };
}

/** The 0–5 overall score, when the questionnaire has one and it was answered. */
export function overallScore(survey: Pick<Survey, 'sections'>, answers: Answers): number | null {
  const q = questionsOf(survey).find((x) => x.type === 'score');
  const v = q ? answers[q.id] : undefined;
  return typeof v === 'number' ? v : null;
}

/** The stored record of a finished questionnaire, under the follow-up's id; its complaints are opened after it. */
export function newAnswerRecord(f: FollowUp, survey: Pick<Survey, 'version' | 'sections'>, answers: Answers, via: AnswerChannel, now: Millis): SurveyAnswerRecord {
  return {
    _id: f._id, followUpId: f._id, projectId: f.projectId, homeownerId: f.homeownerId, kind: f.kind, stage: f.stage,
    version: survey.version, answers, score: overallScore(survey, answers),
    channel: via.channel, by: via.by._id, at: now, complaintIds: [], repairIds: [], complaintsOpenedAt: null,
  };
}

/** The follow-up once answered: nothing more for the dispatcher or the phone queue, the draft done with. */
export function answeredFollowUp(f: FollowUp, via: AnswerChannel, now: Millis): FollowUp {
  return {
    ...f, state: 'answered', answeredAt: now, nextActionAt: null, callAt: null, hold: null, draft: null, updatedAt: now,
    history: [...f.history, { at: now, event: 'answered', by: via.by._id, note: via.channel === 'phone' ? '电话回访' : '小程序' }],
  };
}

/** The same answers to the same questions: a retried submission, not a second one. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** A submission repeated by the same person on the same channel with the same answers is a retry. */
export function isRetryOf(record: Pick<SurveyAnswerRecord, 'channel' | 'by' | 'answers'>, answers: Answers, via: AnswerChannel): boolean {
  return record.channel === via.channel && record.by === via.by._id && sameAnswers(answers, record.answers);
}
