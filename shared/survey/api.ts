/** The `survey` cloud function: homeowners answer their follow-ups' questionnaires; admins edit the catalogue. */
import * as z from 'zod/mini';
import { recordId, requestIdSchema } from '../core/schemas';
import type { FollowUpState } from '../followup/followup';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../followup/schedule';
import type { ComplaintCategory } from '../complaint/categories';
import type { RepairCategory } from '../repair/categories';
import { answersSchema, SURVEY_STAGES, surveySchema, type Answers, type Survey } from './catalogue';

const followUpId = recordId('回访编号');
export const SurveyInputs = {
  /** homeowner: the questionnaire of one of their follow-ups, with what they saved so far */
  get: z.object({ followUpId }),
  /** homeowner: keep answers so far (any subset), to resume later */
  saveDraft: z.object({ followUpId, answers: answersSchema }),
  /** homeowner: the finished questionnaire; a problem answer opens a complaint the same day */
  submit: z.object({ followUpId, answers: answersSchema, requestId: requestIdSchema }),
  /** admin, customer service: the current catalogue */
  catalogue: z.object({}),
} as const;

/** A stage's questionnaire as an admin writes it: proposed with admin.proposeSurvey, published when another admin approves. */
export const surveyDraftSchema = z.pick(surveySchema, { stage: true, title: true, intro: true, sections: true });

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
  /** TS-YYYYMMDD-NNNN */
  ref: string | null;
  category: ComplaintCategory;
  categoryLabel: string;
  departmentLabel: string;
  /** who will reply: the named handler with their department, or the department */
  handlerLabel: string;
  /** when the first reply is due (the complaint's deadline) */
  replyBy: number;
}

/** A repair ticket a defect answer opened (DOMAIN §11), with the promises it carries. */
export interface OpenedRepair {
  id: string;
  category: RepairCategory;
  categoryLabel: string;
  /** hours from the answer within which someone is on site (water and electrics 4) */
  onSiteHours: number;
  /** hours within which the site manager gets in touch */
  contactHours: number;
}

export interface SurveyReplies {
  get: {
    followUp: SurveyFollowUp;
    survey: Survey;
    /** saved answers to resume from, or the submitted answers once answered */
    answers: Answers;
    /** false once answered, or before the window opens */
    answerable: boolean;
  };
  saveDraft: { saved: number; total: number };
  submit: { followUp: SurveyFollowUp; complaints: OpenedComplaint[]; repairs: OpenedRepair[] };
  catalogue: { surveys: Survey[] };
}

/** A stored answer (`surveyAnswers`, one per follow-up, id = the follow-up's id). */
export const surveyAnswerRecordSchema = z.object({
  _id: z.string(),
  followUpId: z.string(),
  projectId: z.string(),
  homeownerId: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  stage: z.enum(SURVEY_STAGES),
  /** the catalogue version answered */
  version: z.number(),
  answers: answersSchema,
  /** the 0–5 overall score, when the survey has one */
  score: z.nullable(z.number()),
  channel: z.enum(['miniProgram', 'phone']),
  by: z.string(),
  at: z.number(),
  complaintIds: z.array(z.string()),
  /** the repair tickets its defect answers opened (DOMAIN §11) */
  repairIds: z._default(z.array(z.string()), []),
  /**
   * when the complaints its problem answers call for were all opened; null from storing the answer
   * until then, so that a submit retried after a crash (or a sweep) opens the missing ones
   */
  complaintsOpenedAt: z.nullable(z.number()),
});
export type SurveyAnswerRecord = z.infer<typeof surveyAnswerRecordSchema>;
