import type { SurveyReplies } from '@shared/survey/api';
import type { Answers } from '@shared/survey/catalogue';
import { callSurvey } from './callSurvey';

/** What the questionnaire screen shows: the follow-up, its questions and the answers so far. */
export type SurveyScreen = SurveyReplies['get'];

export const fetchSurvey = (followUpId: string) => callSurvey('get', { followUpId });
export const saveSurveyDraft = (followUpId: string, answers: Answers) => callSurvey('saveDraft', { followUpId, answers });
export const submitSurvey = (followUpId: string, answers: Answers, requestId: string) => callSurvey('submit', { followUpId, answers, requestId });
