import type { z } from 'zod/mini';
import type { SurveyReplies, SurveyInputs } from '@shared/survey/api';
import { callFunction, type Reply } from '@/api';

export type SurveyAction = keyof typeof SurveyInputs & keyof SurveyReplies;

/** What an action of the `survey` function takes, without its `action` field. */
export type SurveyInput<A extends SurveyAction> = z.input<(typeof SurveyInputs)[A]>;

/** One call to the `survey` cloud function, typed by action from shared/survey/api. */
export function callSurvey<A extends SurveyAction>(action: A, input: SurveyInput<A>): Promise<Reply<SurveyReplies[A]>> {
  return callFunction<SurveyReplies[A]>('survey', { ...input, action });
}
