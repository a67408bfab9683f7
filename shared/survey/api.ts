/** The `survey` cloud function: homeowners answer their follow-ups' questionnaires; admins edit the catalogue. */
import { z } from 'zod';
import { recordId, requestIdSchema } from '../core/schemas';
import type { Millis } from '../core/time';
import type { FollowUpState } from '../followup/followup';
import type { FollowUpKind } from '../followup/schedule';
import { COMPLAINT_CATEGORIES, STAFF_ROLES, type ComplaintCategory } from '../complaint/categories';
import { QUESTION_TYPES, SURVEY_STAGES, type Answers, type Survey, type SurveyStage } from './catalogue';

const followUpId = recordId('回访编号');
const answers = z.record(z.string().max(64), z.union([z.string().max(500, { error: '最多 500 个字' }), z.number()]), { error: '缺少答案' });

const question = z.object({
  id: z.string().regex(/^[a-zA-Z][\w-]{0,39}$/, { error: '题目编号只能用字母、数字、下划线' }),
  type: z.enum(QUESTION_TYPES, { error: '题型无效' }),
  text: z.string().trim().min(2, { error: '题目至少 2 个字' }).max(80, { error: '题目最多 80 个字' }),
  required: z.boolean().default(true),
  topic: z.enum(COMPLAINT_CATEGORIES, { error: '问题类别无效' }).optional(),
  problemWhen: z.enum(['yes', 'no']).optional(),
  staffRole: z.enum(STAFF_ROLES).optional(),
});

export const SurveyInputs = {
  /** homeowner: the questionnaire of one of their follow-ups, with what they saved so far */
  get: z.object({ followUpId }),
  /** homeowner: keep answers so far (any subset), to resume later */
  saveDraft: z.object({ followUpId, answers }),
  /** homeowner: the finished questionnaire; a problem answer opens a complaint the same day */
  submit: z.object({ followUpId, answers, requestId: requestIdSchema }),
  /** admin, customer service: the current catalogue */
  catalogue: z.object({}),
  /** admin: publish a new version of one stage's questionnaire */
  publish: z.object({
    stage: z.enum(SURVEY_STAGES, { error: '阶段无效' }),
    title: z.string().trim().min(2).max(30),
    intro: z.string().trim().max(300).default(''),
    sections: z
      .array(z.object({ id: z.string().regex(/^[a-zA-Z][\w-]{0,39}$/), title: z.string().trim().min(1).max(20), questions: z.array(question).min(1).max(30) }))
      .max(8, { error: '最多 8 页' }),
  }),
} as const;

/** A follow-up as its questionnaire screen needs it. */
export interface SurveyFollowUp {
  id: string;
  kind: FollowUpKind;
  label: string;
  projectName: string;
  dueDate: string;
  windowEnd: string;
  state: FollowUpState;
}

export interface OpenedComplaint {
  id: string;
  category: ComplaintCategory;
  categoryLabel: string;
  departmentLabel: string;
}

export interface SurveyAnswers {
  get: {
    followUp: SurveyFollowUp;
    survey: Survey;
    /** saved answers to resume from, or the submitted answers once answered */
    answers: Answers;
    /** false once answered, or before the window opens */
    answerable: boolean;
  };
  saveDraft: { saved: number; total: number };
  submit: { followUp: SurveyFollowUp; complaints: OpenedComplaint[] };
  catalogue: { surveys: Survey[] };
  publish: { survey: Survey };
}

/** A stored answer (`surveyAnswers`, one per follow-up, id = the follow-up's id). */
export interface SurveyAnswerRecord {
  _id: string;
  followUpId: string;
  projectId: string;
  homeownerId: string;
  kind: FollowUpKind;
  stage: SurveyStage;
  /** the catalogue version answered */
  version: number;
  answers: Answers;
  /** the 0–5 overall score, when the survey has one */
  score: number | null;
  channel: 'miniProgram' | 'phone';
  by: string;
  at: Millis;
  complaintIds: string[];
  /**
   * when the complaints its problem answers call for were all opened; null from storing the answer
   * until then, so that a submit retried after a crash (or a sweep) opens the missing ones
   */
  complaintsOpenedAt: Millis | null;
}
