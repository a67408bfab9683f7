import { answerLabel, checkAnswers, complaintIntakes, draftAnswers, problemsIn, whyNotAnswerable } from '@shared/survey/answers';
import { questionsOf, type Answers } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';

const at = (iso: string) => new Date(iso).getTime();
const completion = DEFAULT_SURVEYS.completion;
const afterRepair = DEFAULT_SURVEYS.afterRepair;

/** Every required question of a questionnaire answered in the most content way. */
function content(survey = completion): Answers {
  const a: Answers = {};
  for (const q of questionsOf(survey).filter((x) => x.required)) {
    a[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? 5 : q.type === 'count' ? 3 : q.type === 'text' ? '挺好' : q.type === 'defect' ? 'none' : q.problemWhen === 'yes' ? 'no' : 'yes';
  }
  return a;
}

const project = { staff: { designer: { id: 'staff-designer-sun', name: '孙设计师' }, projectManager: { id: 'sm-zhang', name: '张建国' } } };
const followUp = { _id: 'p-cuihu--completion', homeownerId: 'owner-li', projectId: 'p-cuihu' };

describe('checking answers', () => {
  it('keeps a complete set of valid answers, trimming text and dropping blanks', () => {
    const r = checkAnswers(completion, { ...content(), improve: '  希望工地再干净些 ', stillToFixDetail: '' }, { complete: true });
    expect(r).toEqual({ ok: true, data: { ...content(), improve: '希望工地再干净些' } });
  });

  it('names each wrong answer by its question, in Chinese', () => {
    const r = checkAnswers(completion, { nope: 'yes', privateCharges: 'maybe', quality: 'great', overall: 6, improve: 'x'.repeat(501) }, { complete: false });
    expect(r).toMatchObject({
      ok: false,
      code: 'REQUEST.INVALID',
      fields: {
        'answers.nope': '问卷里没有这道题，请刷新后重试',
        'answers.privateCharges': '请选择“是”或“否”',
        'answers.quality': '请选择满意、一般或不满意',
        'answers.overall': '评分是 0 到 5 之间的整数',
        'answers.improve': '最多 500 个字',
      },
    });
  });

  it('takes a score only as a whole number from 0 to 5 and a count only from 0 to 99', () => {
    const concealed = DEFAULT_SURVEYS.concealed;
    for (const overall of [0, 5]) expect(checkAnswers(completion, { overall }, { complete: false }).ok).toBe(true);
    for (const overall of [-1, 2.5, '3']) expect(checkAnswers(completion, { overall }, { complete: false }).ok).toBe(false);
    for (const supervisorContacts of [0, 99]) expect(checkAnswers(concealed, { supervisorContacts }, { complete: false }).ok).toBe(true);
    for (const supervisorContacts of [100, 1.5, -1]) {
      expect(checkAnswers(concealed, { supervisorContacts }, { complete: false })).toMatchObject({ fields: { 'answers.supervisorContacts': '请填写 0 到 99 之间的整数' } });
    }
  });

  it('requires every required question on submission but not in a draft', () => {
    const { overall: _o, privateCharges: _p, ...rest } = content();
    expect(checkAnswers(completion, rest, { complete: false }).ok).toBe(true);
    expect(checkAnswers(completion, rest, { complete: true })).toMatchObject({
      fields: { 'answers.overall': '请回答这道题', 'answers.privateCharges': '请回答这道题' },
    });
  });

  it('lets a homeowner skip the optional questions', () => {
    const { improve: _i, stillToFixDetail: _d, ...rest } = content();
    expect(checkAnswers(completion, rest, { complete: true }).ok).toBe(true);
    expect(checkAnswers(DEFAULT_SURVEYS.welcome, {}, { complete: true })).toEqual({ ok: true, data: {} });
  });

  it('keeps from a saved draft only the answers that still fit the questionnaire', () => {
    expect(draftAnswers(completion, { quality: 'poor', dropped: 'yes', overall: 9 })).toEqual({ quality: 'poor' });
    expect(draftAnswers(completion, null)).toEqual({});
  });
});

describe('which answers report a problem', () => {
  it('reports an overall score of 2 or less, and not 3', () => {
    expect(problemsIn(completion, { ...content(), overall: 2 }).map((p) => p.question.id)).toEqual(['overall']);
    expect(problemsIn(completion, { ...content(), overall: 0 }).map((p) => p.topic)).toEqual(['other']);
    expect(problemsIn(completion, { ...content(), overall: 3 })).toEqual([]);
  });

  it('reports 不满意 on a rating, and not 一般', () => {
    expect(problemsIn(completion, { ...content(), quality: 'poor' })).toMatchObject([{ question: { id: 'quality' }, topic: 'constructionQuality' }]);
    expect(problemsIn(completion, { ...content(), quality: 'fair' })).toEqual([]);
  });

  it('reports a yes/no answer equal to the check’s problemWhen: no to a check, yes to private charges', () => {
    const found = problemsIn(completion, { ...content(), inspections: 'no', privateCharges: 'yes', recommend: 'no' });
    expect(found.map((p) => [p.question.id, p.topic])).toEqual([['privateCharges', 'privateCharges'], ['inspections', 'constructionQuality']]);
  });

  it('finds nothing in a content homeowner’s answers', () => {
    for (const survey of Object.values(DEFAULT_SURVEYS)) expect(problemsIn(survey, content(survey))).toEqual([]);
  });
});

describe('the complaints a survey opens', () => {
  it('opens one complaint per topic, from the system on the survey channel, sourced to the follow-up', () => {
    const answers = { ...content(), quality: 'poor', workers: 'poor', privateCharges: 'yes', overall: 1, improve: '工人经常迟到' };
    const intakes = complaintIntakes(completion, answers, followUp, project);
    expect(intakes.map((i) => i.category)).toEqual(['privateCharges', 'constructionQuality', 'other']);
    for (const i of intakes) {
      expect(i).toMatchObject({
        homeownerId: 'owner-li', projectId: 'p-cuihu', channel: 'survey', photos: [],
        source: { kind: 'survey', id: 'p-cuihu--completion' }, receivedBy: { id: 'system', role: 'system' },
      });
    }
  });

  it('describes the stage, each problem question with its answer, and what the homeowner wrote', () => {
    const answers = { ...content(), quality: 'poor', overall: 1, improve: '工人经常迟到' };
    const [quality, overall] = complaintIntakes(completion, answers, followUp, project);
    expect(quality.description).toBe('竣工回访中业主反映的问题：\n· 您对施工质量满意吗？ —— 不满意\n业主留言：\n您觉得我们还有哪些地方需要改进？ —— 工人经常迟到');
    expect(overall.description).toContain('1 分（非常不满意）');
  });

  it('keeps the description within 1000 characters', () => {
    const answers = { ...content(), quality: 'poor', improve: '很'.repeat(500), stillToFix: 'yes', stillToFixDetail: '漏'.repeat(500) };
    const [intake] = complaintIntakes(completion, answers, followUp, project);
    expect(intake.description.length).toBe(1000);
    expect(intake.description.endsWith('…')).toBe(true);
  });

  it('names the staff member of the first problem about one, from the project’s team', () => {
    const pm = complaintIntakes(afterRepair, { ...content(afterRepair), timeAgreed: 'no' }, followUp, project);
    expect(pm[0].staff).toEqual({ role: 'projectManager', id: 'sm-zhang', name: '张建国' });
    const design = complaintIntakes(completion, { ...content(), design: 'poor', designer: 'poor' }, followUp, project);
    expect(design).toHaveLength(1);
    expect(design[0].staff).toEqual({ role: 'designer', id: 'staff-designer-sun', name: '孙设计师' });
    const workers = complaintIntakes(completion, { ...content(), workers: 'poor', quality: 'poor' }, followUp, project);
    expect(workers[0].staff).toEqual({ role: 'worker', id: '', name: '施工人员' });
    expect(complaintIntakes(completion, { ...content(), quality: 'poor' }, followUp, project)[0].staff).toBeNull();
  });

  it('opens nothing when nothing is wrong', () => {
    expect(complaintIntakes(completion, content(), followUp, project)).toEqual([]);
  });
});

describe('when a follow-up can be answered', () => {
  const f = (state: string) => ({ state, dueDate: '2026-03-02' }) as Parameters<typeof whyNotAnswerable>[0];

  it('opens at 00:00 China time on its due date', () => {
    expect(whyNotAnswerable(f('sent'), at('2026-03-01T23:59:00+08:00'))).toMatchObject({ code: 'SURVEY.NOT_OPEN', message: expect.stringContaining('3 月 2 日') });
    expect(whyNotAnswerable(f('sent'), at('2026-03-02T00:00:00+08:00'))).toBeNull();
    expect(whyNotAnswerable(f('phoneTask'), at('2026-03-09T10:00:00+08:00'))).toBeNull();
  });

  it('is closed once answered, done, cancelled or expired', () => {
    expect(whyNotAnswerable(f('answered'), at('2026-03-03T10:00:00+08:00'))).toMatchObject({ code: 'SURVEY.ALREADY_ANSWERED' });
    for (const s of ['done', 'cancelled', 'expired']) expect(whyNotAnswerable(f(s), at('2026-03-03T10:00:00+08:00'))).toMatchObject({ code: 'SURVEY.CLOSED' });
  });

});

describe('answer labels', () => {
  it('reads 是 / 否, 满意 / 一般 / 不满意, and the score with its meaning', () => {
    const [contacted, , , result, overall] = questionsOf(afterRepair);
    expect(answerLabel(contacted, 'yes')).toBe('是');
    expect(answerLabel(contacted, 'no')).toBe('否');
    expect(answerLabel(result, 'fair')).toBe('一般');
    expect(answerLabel(overall, 4)).toBe('4 分（比较满意）');
  });
});
