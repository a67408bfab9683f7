import * as z from 'zod/mini';
import { COMPLAINT_CATEGORIES, STAFF_ROLES } from '../complaint/categories';
import type { FollowUpKind } from '../followup/schedule';

/**
 * The stage questionnaires (阶段问卷, DOMAIN §4). Each follow-up carries one; the catalogue is data
 * in `surveys`, versioned, that an admin edits. The product ships version 1 of each (defaults.ts).
 */
export const SURVEY_STAGES = [
  'welcome',
  'started',
  'concealed',
  'mid',
  'preCompletion',
  'lateCompletion',
  'completion',
  'overall',
  'feedbackForm',
  'warranty',
  'afterRepair',
  'afterComplaint',
] as const;
export type SurveyStage = (typeof SURVEY_STAGES)[number];

export const STAGE_OF_KIND: Record<FollowUpKind, SurveyStage> = {
  depositWelcome: 'welcome',
  earlyStage: 'started',
  concealedWorks: 'concealed',
  midStage: 'mid',
  preCompletion: 'preCompletion',
  lateCompletion: 'lateCompletion',
  completion: 'completion',
  proxyWarranty: 'overall',
  missingFeedbackForm: 'feedbackForm',
  warranty: 'warranty',
  afterRepair: 'afterRepair',
  afterComplaint: 'afterComplaint',
};

/**
 * - yesNo: 是 / 否; `problemWhen` says which answer reports a problem ('no' on a check that matters,
 *   'yes' to private charges), none when neither does
 * - rating: 满意 / 一般 / 不满意 ('good' | 'fair' | 'poor'); 'poor' reports a problem when a topic is set
 * - score: the 0–5 overall score (SCORE_LABELS); 2 or less reports a problem
 * - count: a whole number 0–99 (how many times did the supervisor get in touch?)
 * - text: free text, up to 500 characters
 * - defect: does anything in the home need fixing? 'none', or the repair category of what does
 *   ('plumbing', 'electrical', …: the category sets the repair's deadline, water and electrics 4 h).
 *   A defect is a repair, not a complaint (DOMAIN §11, seed 001 §十一.6): the answer opens a repair
 *   ticket for the project's site manager, with its deadlines, tracked by customer service.
 */
export const QUESTION_TYPES = ['yesNo', 'rating', 'score', 'count', 'text', 'defect'] as const;

/** The answer to a defect question when nothing needs fixing. */
export const NO_DEFECT = 'none';
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const RATING_VALUES = ['good', 'fair', 'poor'] as const;
export type Rating = (typeof RATING_VALUES)[number];
export const RATING_LABELS: Record<Rating, string> = { good: '满意', fair: '一般', poor: '不满意' };

/**
 * One question, as an admin publishes it and as it is stored. The rules on ids and lengths are the ones
 * `publish` checks, so a stored questionnaire always meets them.
 */
export const questionSchema = z.object({
  /** unique within the survey; answers are keyed by it */
  id: z.string().check(z.regex(/^[a-zA-Z][\w-]{0,39}$/, { error: '题目编号只能用字母、数字、下划线' })),
  type: z.enum(QUESTION_TYPES, { error: '题型无效' }),
  text: z.string().check(z.trim(), z.minLength(2, { error: '题目至少 2 个字' }), z.maxLength(80, { error: '题目最多 80 个字' })),
  required: z._default(z.boolean(), true),
  /** the complaint category a problem answer is routed as */
  topic: z.optional(z.enum(COMPLAINT_CATEGORIES, { error: '问题类别无效' })),
  /** for yesNo: the answer that reports a problem */
  problemWhen: z.optional(z.enum(['yes', 'no'])),
  /** the staff member the question is about, named on the complaint it opens */
  staffRole: z.optional(z.enum(STAFF_ROLES)),
});
export type Question = z.infer<typeof questionSchema>;

/** Questions shown together on one screen. */
export const surveySectionSchema = z.object({
  id: z.string().check(z.regex(/^[a-zA-Z][\w-]{0,39}$/)),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  questions: z.array(questionSchema).check(z.minLength(1), z.maxLength(30)),
});
export type SurveySection = z.infer<typeof surveySectionSchema>;

/** The version of every stage's questionnaire that ships with the product (defaults.ts). */
export const SHIPPED_VERSION = 1;

/**
 * A stage's questionnaire, as stored in `surveys/<stage>` (the current version) and in
 * `surveyVersions/<stage>-v<n>` (every published one); `publish` takes the part an admin writes.
 */
export const surveySchema = z.object({
  stage: z.enum(SURVEY_STAGES, { error: '阶段无效' }),
  /** 1 is the version that ships; each admin edit publishes the next */
  version: z.number(),
  title: z.string().check(z.trim(), z.minLength(2), z.maxLength(30)),
  /** shown before the questions (the welcome's thank-you and hotline) */
  intro: z._default(z.string().check(z.trim(), z.maxLength(300)), ''),
  sections: z.array(surveySectionSchema).check(z.maxLength(8, { error: '最多 8 页' })),
  publishedAt: z.nullable(z.number()),
  publishedBy: z.nullable(z.string()),
});
export type Survey = z.infer<typeof surveySchema>;

/** One answer: 'yes' | 'no' for yesNo, a Rating, a number for score and count, text for text. */
export const answersSchema = z.record(z.string().check(z.maxLength(64)), z.union([z.string().check(z.maxLength(500, { error: '最多 500 个字' })), z.number()]), {
  error: '缺少答案',
});
export type Answers = z.infer<typeof answersSchema>;
export type AnswerValue = Answers[string];

export function questionsOf(survey: Pick<Survey, 'sections'>): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}

/** Whether an answer to this question can report a problem (and so must name the topic it is routed as). */
export function canReportProblem(q: Pick<Question, 'type' | 'problemWhen'>): boolean {
  return q.type === 'score' || (q.type === 'yesNo' && q.problemWhen !== undefined);
}

/**
 * What is wrong with a questionnaire's structure, keyed by the dotted path of the field as `publish`
 * takes it (empty when nothing is): question and section ids unique, `problemWhen` only on yes/no
 * questions, a topic on every question that can report a problem, at most one overall score, and at
 * least one question except on the welcome, which only thanks the homeowner.
 */
export function surveyStructureProblems(survey: Pick<Survey, 'stage' | 'sections'>): Record<string, string> {
  const problems: Record<string, string> = {};
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  let scores = 0;
  survey.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) problems[`sections.${s}.id`] = `页面编号重复：${section.id}`;
    sectionIds.add(section.id);
    section.questions.forEach((q, i) => {
      const at = `sections.${s}.questions.${i}`;
      if (questionIds.has(q.id)) problems[`${at}.id`] = `题目编号重复：${q.id}`;
      questionIds.add(q.id);
      if (q.problemWhen !== undefined && q.type !== 'yesNo') problems[`${at}.problemWhen`] = '只有“是/否”题能设置哪个回答算问题';
      else if (canReportProblem(q) && !q.topic) problems[`${at}.topic`] = '会反映问题的题目必须选择问题类别';
      if (q.type === 'score' && ++scores > 1) problems[`${at}.type`] = '每份问卷最多一道总体评分题';
    });
  });
  if (survey.stage !== 'welcome' && questionIds.size === 0) problems.sections = '请至少设置一道题';
  return problems;
}
