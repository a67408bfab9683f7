import { DEFAULT_COMPLAINT_RULES } from '@shared/complaint/categories';
import { validate } from '@shared/core/validation';
import { surveyDraftSchema } from '@shared/survey/api';
import { canReportProblem, questionsOf, surveyStructureProblems, SURVEY_STAGES, type Survey } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS, HOTLINE_PLACEHOLDER, withHotline } from '@shared/survey/defaults';

const shipped = SURVEY_STAGES.map((stage) => DEFAULT_SURVEYS[stage]);
const IN_CONSTRUCTION = ['started', 'concealed', 'mid', 'preCompletion', 'completion'] as const;

describe('the shipped catalogue', () => {
  it('has version 1 of every stage, each filed under its own stage and never published by anyone', () => {
    expect(Object.keys(DEFAULT_SURVEYS).sort()).toEqual([...SURVEY_STAGES].sort());
    for (const s of shipped) expect(s).toMatchObject({ version: 1, publishedAt: null, publishedBy: null, stage: expect.any(String) });
    for (const stage of SURVEY_STAGES) expect(DEFAULT_SURVEYS[stage].stage).toBe(stage);
  });

  it.each(shipped.map((s) => [s.stage, s] as const))('passes the validation publish applies: %s', (_stage, survey) => {
    const event = { stage: survey.stage, title: survey.title, intro: survey.intro, sections: survey.sections };
    const parsed = validate(surveyDraftSchema, event);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(parsed.data.sections).toEqual(survey.sections);
    expect(surveyStructureProblems(survey)).toEqual({});
  });

  it('gives every question that can report a problem a topic that routes somewhere', () => {
    for (const q of shipped.flatMap((s) => questionsOf(s)).filter(canReportProblem)) {
      expect(q.topic).toBeDefined();
      expect(DEFAULT_COMPLAINT_RULES.routing[q.topic ?? 'other']).toBeDefined();
    }
  });

  it('keeps question ids unique within each questionnaire', () => {
    for (const s of shipped) {
      const ids = questionsOf(s).map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('asks no questions at the deposit welcome, only thanks the homeowner and gives the hotline', () => {
    expect(DEFAULT_SURVEYS.welcome.sections).toEqual([]);
    expect(DEFAULT_SURVEYS.welcome.intro).toContain(HOTLINE_PLACEHOLDER);
    expect(withHotline(DEFAULT_SURVEYS.welcome, '400-000-0000').intro).toContain('客服热线 400-000-0000');
  });

  it('ends every other questionnaire with the 0–5 overall score and the optional open question', () => {
    for (const s of shipped.filter((x) => x.stage !== 'welcome')) {
      const ids = questionsOf(s).map((q) => q.id);
      expect(ids.slice(-2)).toEqual(['overall', 'improve']);
      expect(questionsOf(s).find((q) => q.id === 'improve')).toMatchObject({ type: 'text', required: false });
      expect(questionsOf(s).find((q) => q.id === 'overall')).toMatchObject({ type: 'score', required: true });
    }
  });

  it.each(IN_CONSTRUCTION)('asks the general satisfaction, per-role and conduct questions at the %s follow-up', (stage) => {
    const ids = questionsOf(DEFAULT_SURVEYS[stage]).map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining([
      'design', 'quality', 'attitude', 'schedule', 'materials', 'efficiency', 'safety', 'civilised', 'cleaning',
      'designer', 'inspector', 'projectManager', 'workers', 'inspections', 'signs', 'rulesBroken', 'recommend',
    ]));
  });

  it('routes a staff member breaking rules and private charges as misconduct and private charges on a yes', () => {
    const completion = questionsOf(DEFAULT_SURVEYS.completion);
    expect(completion.find((q) => q.id === 'rulesBroken')).toMatchObject({ problemWhen: 'yes', topic: 'misconduct' });
    expect(completion.find((q) => q.id === 'privateCharges')).toMatchObject({ problemWhen: 'yes', topic: 'privateCharges' });
  });

  it('asks after a repair whether the homeowner was contacted within 24 hours and agreed the time and plan', () => {
    const q = questionsOf(DEFAULT_SURVEYS.afterRepair);
    expect(q.map((x) => x.id).slice(0, 4)).toEqual(['contactedIn24h', 'timeAgreed', 'planAgreed', 'result']);
    expect(q.slice(0, 3).every((x) => x.problemWhen === 'no')).toBe(true);
  });
});

describe('the structure publish requires', () => {
  const base = (sections: Survey['sections'], stage: Survey['stage'] = 'mid') => ({ stage, sections });
  const q = (over: Record<string, unknown>) => ({ id: 'q1', type: 'yesNo', text: '开工了吗？', required: true, ...over }) as Survey['sections'][number]['questions'][number];

  it('refuses a question id used twice, naming the second', () => {
    expect(surveyStructureProblems(base([{ id: 'a', title: '一', questions: [q({})] }, { id: 'b', title: '二', questions: [q({})] }]))).toEqual({
      'sections.1.questions.0.id': '题目编号重复：q1',
    });
  });

  it('refuses problemWhen on anything but a yes/no question', () => {
    expect(surveyStructureProblems(base([{ id: 'a', title: '一', questions: [q({ type: 'rating', problemWhen: 'no', topic: 'design' })] }]))).toEqual({
      'sections.0.questions.0.problemWhen': '只有“是/否”题能设置哪个回答算问题',
    });
  });

  it('refuses a question that can report a problem without a topic to route it by', () => {
    const problems = surveyStructureProblems(base([{ id: 'a', title: '一', questions: [q({ problemWhen: 'no' }), q({ id: 'overall', type: 'score' })] }]));
    expect(problems).toEqual({ 'sections.0.questions.0.topic': expect.any(String), 'sections.0.questions.1.topic': expect.any(String) });
  });

  it('refuses a second overall score, and a questionnaire without questions except the welcome', () => {
    const two = [q({ id: 'a', type: 'score', topic: 'other' }), q({ id: 'b', type: 'score', topic: 'other' })];
    expect(surveyStructureProblems(base([{ id: 's', title: '一', questions: two }]))).toEqual({ 'sections.0.questions.1.type': '每份问卷最多一道总体评分题' });
    expect(surveyStructureProblems(base([]))).toEqual({ sections: '请至少设置一道题' });
    expect(surveyStructureProblems(base([], 'welcome'))).toEqual({});
  });
});
