import { ok, type Result } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { answerable, type FollowUp } from '@shared/followup/followup';
import { FOLLOW_UP_LABELS } from '@shared/followup/schedule';
import { checkAnswers, draftAnswers, SurveyErrors, whyNotAnswerable } from '@shared/survey/answers';
import { SurveyInputs, type SurveyFollowUp } from '@shared/survey/api';
import { questionsOf, SURVEY_STAGES, type Survey, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS, withHotline } from '@shared/survey/defaults';
import { withoutId } from '../_platform/collection';
import { action, defineFunction } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { loadFollowUpSettings } from '../_usecases/settings';
import { loadSurvey, recordSurveyAnswers } from '../_usecases/surveys';

/** The caller's own follow-up; anyone else's replies exactly as a missing one does. */
async function ownFollowUp(store: Stores, user: User, id: string): Promise<FollowUp | null> {
  const f = await store.followups.get(id);
  return f && f.homeownerId === user._id ? f : null;
}

async function followUpView(store: Stores, f: FollowUp): Promise<SurveyFollowUp> {
  const project = await store.projects.get(f.projectId);
  return {
    id: f._id, kind: f.kind, label: FOLLOW_UP_LABELS[f.kind], projectName: project?.name ?? '',
    dueDate: f.dueDate, windowEnd: f.windowEnd, state: f.state,
  };
}

/** The homeowner's questionnaire: the version they answered once answered, else the current one with their draft. */
const get = action({
  input: SurveyInputs.get,
  roles: ['homeowner'],
  async run({ store, user, now }, input) {
    const f = await ownFollowUp(store, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const record = await store.surveyAnswers.get(f._id);
    const survey = record ? await loadSurvey(store, f.stage, record.version) : await loadSurvey(store, f.stage);
    const { hotline } = await loadFollowUpSettings(store);
    return ok({
      followUp: await followUpView(store, f),
      survey: withHotline(survey, hotline),
      answers: record ? record.answers : draftAnswers(survey, f.draft),
      answerable: !record && answerable(f, now),
    });
  },
});

/** Keeps what the homeowner answered so far, to resume later; any subset, each answer checked. */
const saveDraft = action({
  input: SurveyInputs.saveDraft,
  roles: ['homeowner'],
  async run({ store, user, now }, input) {
    const f = await ownFollowUp(store, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const refused = whyNotAnswerable(f, now);
    if (refused) return refused;
    const survey = await loadSurvey(store, f.stage);
    const given = checkAnswers(survey, input.answers, { complete: false });
    if (!given.ok) return given;
    const saved = await store.transaction((tx) =>
      store.followups.within(tx).modify(f._id, (current): Result<FollowUp> => {
        if (!current) return SurveyErrors.notFound();
        return whyNotAnswerable(current, now) ?? ok({ ...current, draft: given.data, updatedAt: now });
      }),
    );
    if (!saved.ok) return saved;
    return ok({ saved: Object.keys(given.data).length, total: questionsOf(survey).length });
  },
});

/** The finished questionnaire; each problem topic opens a complaint routed the same day. */
const submit = action({
  input: SurveyInputs.submit,
  roles: ['homeowner'],
  async run({ store, user, now }, input) {
    const f = await ownFollowUp(store, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const recorded = await recordSurveyAnswers(store, f, input.answers, { channel: 'miniProgram', by: user }, now);
    if (!recorded.ok) return recorded;
    const answered = (await store.followups.get(f._id)) ?? f;
    return ok({ followUp: await followUpView(store, answered), complaints: recorded.data.complaints, repairs: recorded.data.repairs });
  },
});

/** Every stage's current questionnaire, in the order of the stages. */
const catalogue = action({
  input: SurveyInputs.catalogue,
  roles: ['admin', 'customerService'],
  async run({ store }) {
    const stored = await store.surveys.getMany(SURVEY_STAGES);
    const current = (stage: SurveyStage): Survey => {
      const s = stored.get(stage);
      return s ? withoutId(s) : DEFAULT_SURVEYS[stage];
    };
    return ok({ surveys: SURVEY_STAGES.map(current) });
  },
});

export const surveyFunction = defineFunction('survey', { get, saveDraft, submit, catalogue });
