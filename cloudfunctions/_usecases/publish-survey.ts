import type { Millis } from '@shared/core/time';
import { SHIPPED_VERSION, type Survey } from '@shared/survey/catalogue';
import type { Transaction } from '../_platform/database';
import type { Stores } from '../_platform/stores';

/** `surveyVersions/<stage>-v<n>`: every published questionnaire. */
export const surveyVersionId = (stage: Survey['stage'], version: number) => `${stage}-v${version}`;

/**
 * Publishes a questionnaire as its stage's next version: kept for ever in `surveyVersions`, current in
 * `surveys`. Answers already given keep the version they answered. Inside the caller's transaction.
 */
export async function publishSurvey(
  store: Stores,
  tx: Transaction,
  content: Pick<Survey, 'stage' | 'title' | 'intro' | 'sections'>,
  by: string,
  now: Millis,
): Promise<Survey> {
  const current = await store.surveys.within(tx).get(content.stage);
  const version = (current ? current.version : SHIPPED_VERSION) + 1;
  const next: Survey = { ...content, version, publishedAt: now, publishedBy: by };
  await store.surveyVersions.within(tx).put({ ...next, _id: surveyVersionId(content.stage, version) });
  await store.surveys.within(tx).put({ ...next, _id: content.stage });
  return next;
}
