import type { ComplaintCategory } from '../complaint/categories';
import { staffNamed, type ComplaintIntake } from '../complaint/intake';
import { CommonErrors } from '../core/errors';
import { fail, ok, type Failure, type Result } from '../core/result';
import { cst, type Millis } from '../core/time';
import { windowOpensAt, type FollowUp } from '../followup/followup';
import type { Project } from '../project/project';
import { REPAIR_CATEGORIES, REPAIR_CATEGORY_LABELS, type RepairCategory } from '../repair/categories';
import { NO_DEFECT, questionsOf, RATING_LABELS, RATING_VALUES, type AnswerValue, type Answers, type Question, type Survey } from './catalogue';
import { SCORE_LABELS, scoreReportsProblem } from './score';

/** Answering a questionnaire: what counts as an answer, which answers report problems, and the complaints they open. */

export const SurveyErrors = {
  notFound: (): Failure => fail('SURVEY.NOT_FOUND', '没有找到这次回访，请返回首页刷新'),
  notOpen: (dueDate: string): Failure => fail('SURVEY.NOT_OPEN', `这次回访从 ${cst(dueDate).format('M 月 D 日')}开始，请到时再填写`),
  closed: (): Failure => fail('SURVEY.CLOSED', '这次回访已经结束，不需要再填写了'),
  alreadyAnswered: (): Failure => fail('SURVEY.ALREADY_ANSWERED', '这份问卷已经提交过了，感谢您的反馈'),
} as const;

/** Why the follow-up cannot be answered now, or null when it can (its window has opened and it is still owed). */
export function whyNotAnswerable(f: Pick<FollowUp, 'state' | 'dueDate'>, now: Millis): Failure | null {
  if (f.state === 'answered') return SurveyErrors.alreadyAnswered();
  if (f.state === 'done' || f.state === 'cancelled' || f.state === 'expired') return SurveyErrors.closed();
  if (now < windowOpensAt(f)) return SurveyErrors.notOpen(f.dueDate);
  return null;
}

/** Whether a question has an answer that counts: a finite number, or text that is more than spaces. */
export function isAnswered(value: unknown): boolean {
  return typeof value === 'string' ? value.trim().length > 0 : typeof value === 'number' && Number.isFinite(value);
}

/** How many of these questions have an answer that counts, of how many (a saved draft's progress). */
export function answeredCount(questions: readonly Pick<Question, 'id'>[], answers: Record<string, unknown> | null): { answered: number; total: number } {
  return { answered: answers ? questions.filter((q) => isAnswered(answers[q.id])).length : 0, total: questions.length };
}

const TEXT_MAX = 500;
const DESCRIPTION_MAX = 1000;

/** One answer checked against its question: the value to keep, null when left blank, or what is wrong. */
function checkValue(q: Question, value: unknown): { value: AnswerValue | null } | { error: string } {
  if (value === '' || value === null || value === undefined) return { value: null };
  const whole = (min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  switch (q.type) {
    case 'yesNo':
      return value === 'yes' || value === 'no' ? { value } : { error: '请选择“是”或“否”' };
    case 'rating':
      return (RATING_VALUES as readonly unknown[]).includes(value) ? { value: value as string } : { error: '请选择满意、一般或不满意' };
    case 'score':
      return whole(0, 5) ? { value: value as number } : { error: '评分是 0 到 5 之间的整数' };
    case 'count':
      return whole(0, 99) ? { value: value as number } : { error: '请填写 0 到 99 之间的整数' };
    case 'defect':
      return value === NO_DEFECT || (REPAIR_CATEGORIES as readonly unknown[]).includes(value) ? { value: value as string } : { error: '请选择“没有”或需要维修的类别' };
    case 'text': {
      if (typeof value !== 'string') return { error: '请填写文字' };
      const text = value.trim();
      if (text.length > TEXT_MAX) return { error: `最多 ${TEXT_MAX} 个字` };
      return { value: text === '' ? null : text };
    }
  }
}

/**
 * The answers as they are kept: each checked against its question, blanks dropped. `complete` (a
 * submission) also requires every required question; a draft may hold any subset. Errors name the
 * field as the event does (`answers.<question id>`).
 */
export function checkAnswers(survey: Pick<Survey, 'sections'>, answers: Record<string, unknown>, { complete }: { complete: boolean }): Result<Answers> {
  const questions = new Map(questionsOf(survey).map((q) => [q.id, q]));
  const fields: Record<string, string> = {};
  const kept: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.get(id);
    if (!q) {
      fields[`answers.${id}`] = '问卷里没有这道题，请刷新后重试';
      continue;
    }
    const checked = checkValue(q, value);
    if ('error' in checked) fields[`answers.${id}`] = checked.error;
    else if (checked.value !== null) kept[id] = checked.value;
  }
  if (complete) {
    for (const q of questions.values()) if (q.required && !(q.id in kept) && !(`answers.${q.id}` in fields)) fields[`answers.${q.id}`] = '请回答这道题';
  }
  return Object.keys(fields).length ? CommonErrors.badRequest(fields) : ok(kept);
}

/** The answers of a saved draft that still fit the questionnaire (a new version may have dropped some). */
export function draftAnswers(survey: Pick<Survey, 'sections'>, draft: Record<string, unknown> | null): Answers {
  const kept: Answers = {};
  const questions = new Map(questionsOf(survey).map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(draft ?? {})) {
    const q = questions.get(id);
    const checked = q ? checkValue(q, value) : null;
    if (checked && 'value' in checked && checked.value !== null) kept[id] = checked.value;
  }
  return kept;
}

/** How an answer reads to a person: 是 / 否, 满意 / 一般 / 不满意, '1 分（非常不满意）', the number or the text. */
export function answerLabel(q: Question, value: AnswerValue): string {
  if (q.type === 'yesNo') return value === 'yes' ? '是' : '否';
  if (q.type === 'rating') return RATING_LABELS[value as keyof typeof RATING_LABELS] ?? String(value);
  if (q.type === 'score') return `${value} 分（${SCORE_LABELS[value as number]?.label ?? ''}）`;
  if (q.type === 'defect') return defectLabel(value);
  return String(value);
}

export interface ProblemAnswer {
  question: Question;
  value: AnswerValue;
  topic: ComplaintCategory;
}

/**
 * The answers that report a problem (DOMAIN §4): an overall score of 2 or less, 不满意 on a rating
 * that has a topic, and a yes/no answer equal to the question's `problemWhen`. In questionnaire order.
 */
export function problemsIn(survey: Pick<Survey, 'sections'>, answers: Answers): ProblemAnswer[] {
  const problems: ProblemAnswer[] = [];
  for (const q of questionsOf(survey)) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const reports =
      (q.type === 'score' && typeof value === 'number' && scoreReportsProblem(value)) ||
      (q.type === 'rating' && value === 'poor' && q.topic !== undefined) ||
      (q.type === 'yesNo' && q.problemWhen !== undefined && value === q.problemWhen);
    if (reports) problems.push({ question: q, value, topic: q.topic ?? 'other' });
  }
  return problems;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One complaint per topic among the problem answers, registered by the system on the survey channel:
 * it names the staff member of the first problem that is about one, and describes the stage, each
 * problem question with its answer, and what the homeowner wrote in the open questions.
 */
export function complaintIntakes(
  survey: Pick<Survey, 'title' | 'sections'>,
  answers: Answers,
  followUp: Pick<FollowUp, '_id' | 'homeownerId' | 'projectId'>,
  project: Pick<Project, 'staff'> | null,
): ComplaintIntake[] {
  const byTopic = new Map<ComplaintCategory, ProblemAnswer[]>();
  for (const p of problemsIn(survey, answers)) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  const written = questionsOf(survey).filter((q) => q.type === 'text' && typeof answers[q.id] === 'string');
  const said = written.map((q) => `${q.text} —— ${answers[q.id]}`);
  return [...byTopic.entries()].map(([topic, problems]) => {
    const lines = [
      `${survey.title}中业主反映的问题：`,
      ...problems.map((p) => `· ${p.question.text} —— ${answerLabel(p.question, p.value)}`),
      ...(said.length ? ['业主留言：', ...said] : []),
    ];
    return {
      homeownerId: followUp.homeownerId,
      projectId: followUp.projectId,
      category: topic,
      description: clip(lines.join('\n'), DESCRIPTION_MAX),
      photos: [],
      channel: 'survey',
      staff: staffNamed(project, problems.find((p) => p.question.staffRole)?.question.staffRole),
      source: { kind: 'survey', id: followUp._id },
      receivedBy: { id: 'system', role: 'system' },
    };
  });
}

/** A defect answer in words: 没有, or the repair category. */
export function defectLabel(value: AnswerValue): string {
  return value === NO_DEFECT ? '没有' : (REPAIR_CATEGORY_LABELS[value as RepairCategory] ?? String(value));
}

/** A construction defect an answer reports: the question, and the repair category the homeowner chose. */
export interface DefectAnswer {
  question: Question;
  category: RepairCategory;
}

/** The defects the answers report (DOMAIN §11), in questionnaire order: each is a repair, not a complaint. */
export function defectsIn(survey: Pick<Survey, 'sections'>, answers: Answers): DefectAnswer[] {
  return questionsOf(survey).flatMap((q) => {
    const v = answers[q.id];
    return q.type === 'defect' && typeof v === 'string' && (REPAIR_CATEGORIES as readonly string[]).includes(v) ? [{ question: q, category: v as RepairCategory }] : [];
  });
}

/**
 * The repair request a defect answer makes: its category, and a description that says where it was
 * found and carries what the homeowner wrote in the open questions (the detail of the problem).
 */
export function defectRequest(survey: Pick<Survey, 'title' | 'sections'>, answers: Answers, defect: DefectAnswer): { category: RepairCategory; description: string } {
  const written = questionsOf(survey).filter((q) => q.type === 'text' && typeof answers[q.id] === 'string');
  const lines = [
    `${survey.title}中发现需要维修：${defect.question.text} —— ${defectLabel(defect.category)}`,
    ...written.map((q) => `${q.text} —— ${answers[q.id]}`),
  ];
  return { category: defect.category, description: clip(lines.join('\n'), 500) };
}
