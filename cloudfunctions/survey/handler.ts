import { CommonErrors } from '@shared/core/errors';
import { ok, type Result } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { answerable, type FollowUp } from '@shared/followup/followup';
import { FOLLOW_UP_LABELS } from '@shared/followup/schedule';
import type { Project } from '@shared/project/project';
import { checkAnswers, draftAnswers, SurveyErrors, whyNotAnswerable } from '@shared/survey/answers';
import { SurveyInputs, type SurveyAnswerRecord, type SurveyFollowUp } from '@shared/survey/api';
import { questionsOf, surveyStructureProblems, SURVEY_STAGES, type Survey, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS, withHotline } from '@shared/survey/defaults';
import type { Database } from '../_platform/database';
import { action, defineFunction } from '../_platform/define';
import { loadFollowUpSettings } from '../_usecases/settings';
import { findById, findByIds, withoutId } from '../_platform/store';
import { loadSurvey, recordSurveyAnswers, surveyVersionId } from '../_usecases/surveys';

/** The caller's own follow-up; anyone else's answers exactly as a missing one does. */
async function ownFollowUp(db: Database, user: User, id: string): Promise<FollowUp | null> {
  const f = await findById<FollowUp>(db, 'followups', id);
  return f && f.homeownerId === user._id ? f : null;
}

async function followUpView(db: Database, f: FollowUp): Promise<SurveyFollowUp> {
  const project = await findById<Project>(db, 'projects', f.projectId);
  return {
    id: f._id, kind: f.kind, label: FOLLOW_UP_LABELS[f.kind], projectName: project?.name ?? '',
    dueDate: f.dueDate, windowEnd: f.windowEnd, state: f.state,
  };
}

/** The homeowner's questionnaire: the version they answered once answered, else the current one with their draft. */
const get = action({
  input: SurveyInputs.get,
  roles: ['homeowner'],
  async run({ deps, user, now }, input) {
    const f = await ownFollowUp(deps.db, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const record = await findById<SurveyAnswerRecord>(deps.db, 'surveyAnswers', f._id);
    const survey = record ? await loadSurvey(deps.db, f.stage, record.version) : await loadSurvey(deps.db, f.stage);
    const { hotline } = await loadFollowUpSettings(deps.db);
    return ok({
      followUp: await followUpView(deps.db, f),
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
  async run({ deps, user, now }, input) {
    const f = await ownFollowUp(deps.db, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const refused = whyNotAnswerable(f, now);
    if (refused) return refused;
    const survey = await loadSurvey(deps.db, f.stage);
    const given = checkAnswers(survey, input.answers, { complete: false });
    if (!given.ok) return given;
    const saved = await deps.db.runTransaction(async (tx): Promise<Result<null>> => {
      const ref = tx.collection('followups').doc(f._id);
      const current = (await ref.get()).data as unknown as FollowUp | null;
      if (!current) return SurveyErrors.notFound();
      const closed = whyNotAnswerable(current, now);
      if (closed) return closed;
      await ref.set(withoutId({ ...current, draft: given.data, updatedAt: now }));
      return ok(null);
    });
    if (!saved.ok) return saved;
    return ok({ saved: Object.keys(given.data).length, total: questionsOf(survey).length });
  },
});

/** The finished questionnaire; each problem topic opens a complaint routed the same day. */
const submit = action({
  input: SurveyInputs.submit,
  roles: ['homeowner'],
  async run({ deps, user, now }, input) {
    const f = await ownFollowUp(deps.db, user, input.followUpId);
    if (!f) return SurveyErrors.notFound();
    const recorded = await recordSurveyAnswers(deps.db, f, input.answers, { channel: 'miniProgram', by: user }, now);
    if (!recorded.ok) return recorded;
    const answered = (await findById<FollowUp>(deps.db, 'followups', f._id)) ?? f;
    return ok({ followUp: await followUpView(deps.db, answered), complaints: recorded.data.complaints });
  },
});

/** Every stage's current questionnaire, in the order of the stages. */
const catalogue = action({
  input: SurveyInputs.catalogue,
  roles: ['admin', 'customerService'],
  async run({ deps }) {
    const stored = await findByIds<Survey & { _id: string }>(deps.db, 'surveys', [...SURVEY_STAGES]);
    const current = (stage: SurveyStage): Survey => {
      const s = stored.get(stage);
      return s ? withoutId(s) : DEFAULT_SURVEYS[stage];
    };
    return ok({ surveys: SURVEY_STAGES.map(current) });
  },
});

/** A new version of one stage's questionnaire; answers already given keep the version they answered. */
const publish = action({
  input: SurveyInputs.publish,
  roles: ['admin'],
  async run({ deps, user, now }, input) {
    const problems = surveyStructureProblems(input);
    if (Object.keys(problems).length) return CommonErrors.badRequest(problems);
    const survey = await deps.db.runTransaction(async (tx) => {
      const current = (await tx.collection('surveys').doc(input.stage).get()).data as unknown as Survey | null;
      const version = (current ?? DEFAULT_SURVEYS[input.stage]).version + 1;
      const next: Survey = { ...input, version, publishedAt: now, publishedBy: user._id };
      await tx.collection('surveyVersions').doc(surveyVersionId(input.stage, version)).set({ ...next });
      await tx.collection('surveys').doc(input.stage).set({ ...next });
      return next;
    });
    return ok({ survey });
  },
});

export const surveyFunction = defineFunction('survey', { get, saveDraft, submit, catalogue, publish });
