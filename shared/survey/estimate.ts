import { questionsOf, type Survey } from './catalogue';

/**
 * How long a questionnaire takes, from its questions, so that what a homeowner is told is honest
 * (DOMAIN §11: a phone follow-up takes 5–10 minutes; 25 questions are not "about 2 minutes").
 * In the mini-program a tap answers a choice in about 10 seconds and a written answer takes about 30;
 * on the phone each question is read out and answered in about 20 seconds, after a minute of greeting.
 */
const SECONDS = { choice: 10, text: 30, phone: 20, greeting: 60 } as const;

/** Whole minutes, at least 1. */
export function answerMinutes(survey: Pick<Survey, 'sections'>, channel: 'miniProgram' | 'phone' = 'miniProgram'): number {
  const questions = questionsOf(survey);
  const seconds =
    channel === 'phone'
      ? SECONDS.greeting + questions.length * SECONDS.phone
      : questions.reduce((s, q) => s + (q.type === 'text' ? SECONDS.text : SECONDS.choice), 0);
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The estimate in words: '共 25 题，大约 5 分钟'. */
export function answerEstimate(survey: Pick<Survey, 'sections'>, channel: 'miniProgram' | 'phone' = 'miniProgram'): string {
  return `共 ${questionsOf(survey).length} 题，大约 ${answerMinutes(survey, channel)} 分钟`;
}
