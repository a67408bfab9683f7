import { answeredCount as countAnswered, defectLabel, isAnswered } from '@shared/survey/answers';
import { questionsOf, RATING_LABELS, type AnswerValue, type Answers, type Question, type Rating, type Survey } from '@shared/survey/catalogue';
import { SCORE_LABELS } from '@shared/survey/score';

export { isAnswered };

const MISSING: Record<Question['type'], string> = {
  yesNo: '请选择“是”或“否”',
  rating: '请选择满意程度',
  score: '请打分（0-5 分）',
  count: '请填写次数',
  text: '请填写这一题',
  defect: '请选择“没有”或需要维修的类别',
};

/** The required questions without an answer, question id → what to do, in words. */
export function missingRequired(questions: readonly Question[], answers: Answers): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const q of questions) if (q.required && !isAnswered(answers[q.id])) missing[q.id] = MISSING[q.type];
  return missing;
}

/**
 * Where to open a questionnaire: the first page with a required question not yet answered; when all
 * are answered, the last page (to submit); with nothing answered at all, the first.
 */
export function resumePage(survey: Pick<Survey, 'sections'>, answers: Answers): number {
  const open = survey.sections.findIndex((s) => Object.keys(missingRequired(s.questions, answers)).length > 0);
  if (open >= 0) return open;
  const anything = questionsOf(survey).some((q) => isAnswered(answers[q.id]));
  return anything ? Math.max(0, survey.sections.length - 1) : 0;
}

/** The page holding the first of these question ids, or -1. */
export function pageOf(survey: Pick<Survey, 'sections'>, questionIds: readonly string[]): number {
  return survey.sections.findIndex((s) => s.questions.some((q) => questionIds.includes(q.id)));
}

/** How many questions have an answer, of how many. */
export function answeredCount(survey: Pick<Survey, 'sections'>, answers: Answers): { answered: number; total: number } {
  return countAnswered(questionsOf(survey), answers);
}

/** The server's field errors ('answers.q1') keyed by question id ('q1'). */
export function answerErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k.startsWith('answers.') ? k.slice('answers.'.length) : k] = v;
  return out;
}

/** Only the answers that count (no empty text), as the server takes them. */
export function cleanAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers)) if (isAnswered(v)) out[k] = typeof v === 'string' ? v.trim() : v;
  return out;
}

/** An answer in words, for a read-only view. */
export function describeAnswer(q: Question, value: AnswerValue | undefined): string {
  if (!isAnswered(value)) return '未回答';
  switch (q.type) {
    case 'yesNo':
      return value === 'yes' ? '是' : value === 'no' ? '否' : String(value);
    case 'rating':
      return RATING_LABELS[value as Rating] ?? String(value);
    case 'score': {
      const n = Number(value);
      return SCORE_LABELS[n] ? `${n} 分 · ${SCORE_LABELS[n].label}` : `${n} 分`;
    }
    case 'count':
      return `${value}`;
    case 'defect':
      return defectLabel(value as AnswerValue);
    default:
      return String(value);
  }
}
