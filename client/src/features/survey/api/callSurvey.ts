import type { z } from 'zod';
import type { SurveyAnswers, SurveyInputs } from '@shared/survey/api';
import { callFunction, type Answer } from '@/api';

export type SurveyAction = keyof typeof SurveyInputs & keyof SurveyAnswers;

/** What an action of the `survey` function takes, without its `action` field. */
export type SurveyInput<A extends SurveyAction> = z.input<(typeof SurveyInputs)[A]>;

/** One call to the `survey` cloud function, typed by action from shared/survey/api. */
export function callSurvey<A extends SurveyAction>(action: A, input: SurveyInput<A>): Promise<Answer<SurveyAnswers[A]>> {
  return callFunction<SurveyAnswers[A]>('survey', { ...input, action });
}
