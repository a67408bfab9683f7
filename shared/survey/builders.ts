import type { ComplaintCategory, StaffRole } from '../complaint/categories';
import { SHIPPED_VERSION, type Question, type Survey, type SurveySection, type SurveyStage } from './catalogue';

/** The pieces the shipped questionnaires are built from (defaults.ts, after-repair.ts). */

export const rating = (id: string, text: string, topic: ComplaintCategory, staffRole?: StaffRole): Question => ({
  id, type: 'rating', text, required: true, topic, ...(staffRole ? { staffRole } : {}),
});

/** A yes/no check whose `problemWhen` answer reports a problem routed as `topic`. */
export const check = (id: string, text: string, problemWhen: 'yes' | 'no', topic: ComplaintCategory, extra: { staffRole?: StaffRole; required?: boolean } = {}): Question => ({
  id, type: 'yesNo', text, required: extra.required ?? true, topic, problemWhen, ...(extra.staffRole ? { staffRole: extra.staffRole } : {}),
});

/** A yes/no question that only informs (neither answer is a problem). */
export const ask = (id: string, text: string): Question => ({ id, type: 'yesNo', text, required: true });

export const note = (id: string, text: string): Question => ({ id, type: 'text', text, required: false });

/** Anything in the home to fix: 没有, or its repair category; a defect opens a repair ticket (DOMAIN §11). */
export const defect = (id: string, text: string): Question => ({ id, type: 'defect', text, required: true });

export const OVERALL_SCORE: Question = { id: 'overall', type: 'score', text: '请为我们的整体服务打分（0–5 分）', required: true, topic: 'other' };
const IMPROVE: Question = note('improve', '您觉得我们还有哪些地方需要改进？');

/** The overall 0–5 score (or a stage's own version of it) and the open question, last on every questionnaire. */
export const closing = (score: Question = OVERALL_SCORE, ...first: Question[]): SurveySection => ({ id: 'closing', title: '总体评价', questions: [...first, score, IMPROVE] });

/** How long it takes is worked out from the questions and shown above the intro (estimate.ts), never written here. */
const INTRO = '感谢您抽空填写，可以分几次完成，答过的会自动保存。您反映的问题，我们会当天转给负责的部门处理。';

export function survey(stage: SurveyStage, title: string, sections: SurveySection[], intro = INTRO): Survey {
  return { stage, version: SHIPPED_VERSION, title, intro, sections, publishedAt: null, publishedBy: null };
}

export const stage = (title: string, questions: Question[]): SurveySection => ({ id: 'stage', title, questions });
