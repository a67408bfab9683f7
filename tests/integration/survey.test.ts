import { stores } from '../../cloudfunctions/_platform/stores';
import { followUpId, newFollowUp, type FollowUpState } from '@shared/followup/followup';
import type { FollowUpKind } from '@shared/followup/schedule';
import type { Project } from '@shared/project/project';
import { questionsOf, SURVEY_STAGES, type Answers, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import type { Database } from '../../cloudfunctions/_platform/database';
import { recordSurveyAnswers } from '../../cloudfunctions/_usecases/surveys';
import { adminFunction } from '../../cloudfunctions/admin/handler';
import { surveyFunction as survey } from '../../cloudfunctions/survey/handler';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin } = PEOPLE;
const [cuihu, binjiang] = PROJECTS;

/** A follow-up as the sync would have stored it, in the given state (the message already sent by default). */
async function followUp(
  w: World,
  kind: FollowUpKind,
  dueDate: string,
  windowEnd: string,
  { project = cuihu, state = 'sent' }: { project?: Project; state?: FollowUpState } = {},
): Promise<string> {
  const id = followUpId(project._id, kind);
  await w.db.collection('followups').doc(id).set({ ...newFollowUp(project, { key: kind, kind, dueDate, windowEnd }, w.clock.now()), state });
  return id;
}

/** Every required question answered in the most content way. */
function content(stage: SurveyStage): Answers {
  const a: Answers = {};
  for (const q of questionsOf(DEFAULT_SURVEYS[stage]).filter((x) => x.required)) {
    a[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? 5 : q.type === 'count' ? 3 : q.type === 'text' ? '挺好' : q.type === 'defect' ? 'none' : q.problemWhen === 'yes' ? 'no' : 'yes';
  }
  return a;
}

const TOUCHED = ['followups', 'surveyAnswers', 'complaints', 'surveys', 'surveyVersions', 'surveyProposals', 'adminHistory'];
const everything = async (w: World) => Promise.all(TOUCHED.map((c) => snapshot(w.db, c)));
const stored = async (w: World, collection: string, id: string) => (await w.db.collection(collection).doc(id).get()).data[0] as any;

const submit = (w: World, id: string, answers: Answers, who = owner._id) => w.call(survey, who, { action: 'submit', followUpId: id, answers });

describe('answering a follow-up', () => {
  it('shows the homeowner the current questionnaire of their follow-up, answerable once its window has opened', async () => {
    const w = await world();
    const id = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06');
    const r = await w.call(survey, owner._id, { action: 'get', followUpId: id });
    expect(r.data).toMatchObject({
      followUp: { id, kind: 'earlyStage', label: '开工初期回访', projectName: '翠湖花园 3-1201', dueDate: '2026-03-01', windowEnd: '2026-03-06', state: 'sent' },
      survey: { stage: 'started', version: 1, title: '开工回访' },
      answers: {},
      answerable: true,
    });
  });

  it('writes the company’s service hotline into the deposit welcome, which asks nothing', async () => {
    const w = await world();
    await w.db.collection('settings').doc('followup').set({ hotline: '400-123-4567' });
    const id = await followUp(w, 'depositWelcome', '2026-03-01', '2026-03-01');
    const r = await w.call(survey, owner._id, { action: 'get', followUpId: id });
    expect(r.data.survey.sections).toEqual([]);
    expect(r.data.survey.intro).toContain('客服热线 400-123-4567');
  });

  it('resumes from the answers the homeowner saved, keeping the follow-up open', async () => {
    const w = await world();
    const id = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06');
    const saved = await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: { quality: 'fair', improve: '  希望多拍些进度照片 ' } });
    expect(saved.data).toEqual({ saved: 2, total: questionsOf(DEFAULT_SURVEYS.started).length });
    const r = await w.call(survey, owner._id, { action: 'get', followUpId: id });
    expect(r.data).toMatchObject({ answers: { quality: 'fair', improve: '希望多拍些进度照片' }, answerable: true, followUp: { state: 'sent' } });
  });

  it('stores a finished questionnaire with its version and score, and closes the follow-up', async () => {
    const w = await world();
    const id = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06', { state: 'phoneTask' });
    await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: { quality: 'good' } });
    const r = await submit(w, id, { ...content('started'), overall: 4 });
    expect(r).toMatchObject({ ok: true, data: { followUp: { id, state: 'answered' }, complaints: [] } });
    expect(await stored(w, 'followups', id)).toMatchObject({
      state: 'answered', answeredAt: at('2026-03-01T10:00:00+08:00'), nextActionAt: null, callAt: null, draft: null,
    });
    expect((await stored(w, 'followups', id)).history.at(-1)).toEqual({ at: at('2026-03-01T10:00:00+08:00'), event: 'answered', by: owner._id, note: '小程序' });
    expect(await stored(w, 'surveyAnswers', id)).toMatchObject({
      followUpId: id, projectId: 'p-cuihu', homeownerId: owner._id, kind: 'earlyStage', stage: 'started', version: 1, score: 4,
      channel: 'miniProgram', by: owner._id, at: at('2026-03-01T10:00:00+08:00'), complaintIds: [],
    });
    const again = await w.call(survey, owner._id, { action: 'get', followUpId: id });
    expect(again.data).toMatchObject({ answers: { ...content('started'), overall: 4 }, answerable: false });
  });
});

describe('refusals write nothing', () => {
  it('answers another homeowner’s follow-up exactly as a missing one, and refuses staff and strangers', async () => {
    const w = await world();
    const id = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06');
    const before = await everything(w);
    for (const action of ['get', 'saveDraft', 'submit']) {
      const event = { action, followUpId: id, answers: content('started') };
      expect(await w.call(survey, otherOwner._id, event)).toMatchObject({ ok: false, code: 'SURVEY.NOT_FOUND' });
      expect(await w.call(survey, owner._id, { ...event, followUpId: 'p-cuihu--nope' })).toMatchObject({ ok: false, code: 'SURVEY.NOT_FOUND' });
      expect(await w.call(survey, cs._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(survey, sm._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(survey, 'stranger-openid', event)).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
      expect(await w.call(survey, null, event)).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    }
    expect(await everything(w)).toEqual(before);
  });

  it('refuses answers before the follow-up’s window opens', async () => {
    const w = await world('2026-03-04T23:59:00+08:00');
    const id = await followUp(w, 'concealedWorks', '2026-03-05', '2026-03-08', { state: 'pending' });
    const before = await everything(w);
    expect((await w.call(survey, owner._id, { action: 'get', followUpId: id })).data.answerable).toBe(false);
    expect(await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: {} })).toMatchObject({ ok: false, code: 'SURVEY.NOT_OPEN', message: '这次回访从 3 月 5 日开始，请到时再填写' });
    expect(await submit(w, id, content('concealed'))).toMatchObject({ ok: false, code: 'SURVEY.NOT_OPEN' });
    expect(await everything(w)).toEqual(before);
    w.clock.set('2026-03-05T00:00:00+08:00');
    expect(await submit(w, id, content('concealed'))).toMatchObject({ ok: true });
  });

  it('refuses a follow-up that was cancelled, declined on the phone or expired', async () => {
    for (const state of ['cancelled', 'done', 'expired'] as const) {
      const w = await world();
      const id = await followUp(w, 'midStage', '2026-03-01', '2026-03-04', { state });
      const before = await everything(w);
      expect(await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: { quality: 'good' } })).toMatchObject({ ok: false, code: 'SURVEY.CLOSED' });
      expect(await submit(w, id, content('mid'))).toMatchObject({ ok: false, code: 'SURVEY.CLOSED' });
      expect(await everything(w)).toEqual(before);
    }
  });

  it('refuses a follow-up already answered, to a draft and to different answers', async () => {
    const w = await world();
    const id = await followUp(w, 'midStage', '2026-03-01', '2026-03-04');
    await submit(w, id, content('mid'));
    const before = await everything(w);
    expect(await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: { quality: 'poor' } })).toMatchObject({ ok: false, code: 'SURVEY.ALREADY_ANSWERED' });
    expect(await submit(w, id, { ...content('mid'), quality: 'poor' })).toMatchObject({ ok: false, code: 'SURVEY.ALREADY_ANSWERED' });
    const byPhone = await recordSurveyAnswers(stores(w.db), await stored(w, 'followups', id), content('mid'), { channel: 'phone', by: cs }, w.clock.now());
    expect(byPhone).toMatchObject({ ok: false, code: 'SURVEY.ALREADY_ANSWERED' });
    expect(await everything(w)).toEqual(before);
  });

  it('refuses unknown questions, wrong values and missing required answers, naming each', async () => {
    const w = await world();
    const id = await followUp(w, 'completion', '2026-03-01', '2026-03-10');
    const before = await everything(w);
    const bad = { hello: 'yes', overall: 7, supervisorContacts: 3, privateCharges: 'maybe', quality: 2 };
    expect(await w.call(survey, owner._id, { action: 'saveDraft', followUpId: id, answers: bad })).toMatchObject({
      ok: false, code: 'REQUEST.INVALID',
      fields: {
        'answers.hello': '问卷里没有这道题，请刷新后重试', 'answers.overall': '评分是 0 到 5 之间的整数',
        'answers.supervisorContacts': '问卷里没有这道题，请刷新后重试', 'answers.privateCharges': '请选择“是”或“否”',
        'answers.quality': '请选择满意、一般或不满意',
      },
    });
    expect(await submit(w, id, { ...content('completion'), improve: '太'.repeat(501) })).toMatchObject({ ok: false, fields: { 'answers.improve': '最多 500 个字' } });
    const { overall: _o, ...unscored } = content('completion');
    expect(await submit(w, id, unscored)).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'answers.overall': '请回答这道题' } });
    expect(await w.call(survey, owner._id, { action: 'submit', followUpId: id })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { answers: '缺少答案' } });
    expect(await everything(w)).toEqual(before);
  });
});

describe('problems in answers open complaints (closing the loop)', () => {
  it('routes each poor rating by its topic to the responsible department the same day, naming the staff member', async () => {
    const w = await world('2026-03-03T16:20:00+08:00');
    const id = await followUp(w, 'earlyStage', '2026-03-02', '2026-03-07');
    const r = await submit(w, id, { ...content('started'), quality: 'poor', designer: 'poor', improve: '墙面找平不平整' });
    expect(r.data.complaints).toMatchObject([
      { id: `${id}-constructionQuality`, category: 'constructionQuality', categoryLabel: '施工质量', departmentLabel: '工程部' },
      { id: `${id}-design`, category: 'design', categoryLabel: '设计问题', departmentLabel: '设计部' },
    ]);
    const quality = await stored(w, 'complaints', `${id}-constructionQuality`);
    expect(quality).toMatchObject({
      department: 'engineering', status: 'forwarded', channel: 'survey', source: { kind: 'survey', id }, receivedBy: 'system',
      receivedAt: at('2026-03-03T16:20:00+08:00'), replyBy: at('2026-03-04T16:20:00+08:00'), homeownerId: owner._id, projectId: 'p-cuihu',
    });
    expect(quality.description).toMatch(/^我对施工质量不满意：/);
    expect(quality.description).toContain('您对施工质量满意吗？ 我的回答：不满意');
    expect(quality.description).toContain('墙面找平不平整');
    expect(await stored(w, 'complaints', `${id}-design`)).toMatchObject({
      department: 'design', staff: { role: 'designer', id: 'staff-designer-sun', name: '孙设计师' }, replyBy: at('2026-03-04T16:20:00+08:00'),
    });
    expect(await stored(w, 'surveyAnswers', id)).toMatchObject({
      complaintIds: [`${id}-constructionQuality`, `${id}-design`], complaintsOpenedAt: at('2026-03-03T16:20:00+08:00'),
    });
  });

  it('sends an overall score of 2 or less to customer service', async () => {
    const w = await world();
    const id = await followUp(w, 'midStage', '2026-03-01', '2026-03-04');
    const r = await submit(w, id, { ...content('mid'), overall: 2 });
    expect(r.data.complaints).toMatchObject([{ id: `${id}-other`, category: 'other', categoryLabel: '其他', departmentLabel: '客服部' }]);
    expect(await stored(w, 'complaints', `${id}-other`)).toMatchObject({ department: 'customerService', replyBy: at('2026-03-02T10:00:00+08:00') });
    expect(await stored(w, 'surveyAnswers', id)).toMatchObject({ score: 2 });
  });

  it('sends a yes to private charges straight to the general manager', async () => {
    const w = await world();
    const id = await followUp(w, 'completion', '2026-03-01', '2026-03-10');
    const r = await submit(w, id, { ...content('completion'), privateCharges: 'yes' });
    expect(r.data.complaints).toMatchObject([{ id: `${id}-privateCharges`, category: 'privateCharges', categoryLabel: '私下收费', departmentLabel: '总经理室' }]);
    expect(await stored(w, 'complaints', `${id}-privateCharges`)).toMatchObject({ department: 'management', chain: ['management'], replyBy: at('2026-03-02T10:00:00+08:00') });
  });

  it('answers a retried submission with what the first one made, opening no second complaint', async () => {
    const w = await world();
    const id = await followUp(w, 'completion', '2026-03-01', '2026-03-10');
    const answers = { ...content('completion'), privateCharges: 'yes', cleaning: 'poor' };
    const first = await submit(w, id, answers);
    const before = await everything(w);
    w.clock.advanceHours(1);
    const retry = await submit(w, id, answers);
    expect(retry).toEqual(first);
    expect(await everything(w)).toEqual(before);
    expect(await snapshot(w.db, 'complaints')).toHaveLength(2);
  });

  it('opens the missing complaints when a submission is retried after the process died before opening them', async () => {
    const w = await world();
    const id = await followUp(w, 'completion', '2026-03-01', '2026-03-10');
    const answers = { ...content('completion'), privateCharges: 'yes' };
    const crashing = survey({ ...w.deps, db: complaintsUnreachable(w.db) });
    expect(await crashing({ action: 'submit', followUpId: id, answers }, { openid: owner._id })).toMatchObject({ ok: false, code: 'SYSTEM.INTERNAL' });
    expect(await stored(w, 'followups', id)).toMatchObject({ state: 'answered' });
    expect(await stored(w, 'surveyAnswers', id)).toMatchObject({ complaintIds: [], complaintsOpenedAt: null });
    expect(await snapshot(w.db, 'complaints')).toEqual([]);

    w.clock.set('2026-03-01T10:05:00+08:00');
    const retry = await submit(w, id, answers);
    expect(retry.data.complaints.map((c: { id: string }) => c.id)).toEqual([`${id}-privateCharges`]);
    expect(await stored(w, 'complaints', `${id}-privateCharges`)).toMatchObject({
      receivedAt: at('2026-03-01T10:00:00+08:00'), replyBy: at('2026-03-02T10:00:00+08:00'), department: 'management',
    });
    expect(await stored(w, 'surveyAnswers', id)).toMatchObject({ complaintIds: [`${id}-privateCharges`], complaintsOpenedAt: at('2026-03-01T10:05:00+08:00') });
  });
});

describe('the catalogue and its versions', () => {
  /** A second admin, who approves what the first proposes (004 4.5). */
  const approver = { _id: 'admin-qian', name: '钱主任', phone: '13700137008', roles: ['admin'] };
  /** Proposed by one admin, approved by another: what publishing a questionnaire takes. */
  async function publish(w: World, event: Record<string, unknown>) {
    const { action: _action, ...content } = event;
    await w.db.collection('users').doc(approver._id).set({ name: approver.name, phone: approver.phone, roles: approver.roles });
    const proposed = await w.call(adminFunction, admin._id, { ...content, action: 'proposeSurvey' });
    if (!proposed.ok) return proposed;
    return w.call(adminFunction, approver._id, { action: 'approveSurvey', proposalId: proposed.data.proposal._id });
  }
  const v2 = {
    action: 'publish', stage: 'started', title: '开工回访', intro: '感谢您抽空填写。',
    sections: [{
      id: 'stage', title: '开工情况',
      questions: [
        { id: 'crewOnTime', type: 'yesNo', text: '施工队每天按时进场吗？', problemWhen: 'no', topic: 'schedule' },
        { id: 'overall', type: 'score', text: '请为我们的整体服务打分', topic: 'other' },
      ],
    }],
  };

  it('shows admins and customer service every stage’s current questionnaire, and nobody else', async () => {
    const w = await world();
    for (const who of [admin, cs]) {
      const r = await w.call(survey, who._id, { action: 'catalogue' });
      expect(r.data.surveys.map((s: { stage: string; version: number }) => [s.stage, s.version])).toEqual(SURVEY_STAGES.map((s) => [s, 1]));
    }
    for (const who of [owner, sm]) expect(await w.call(survey, who._id, { action: 'catalogue' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('publishes the next version, which new answers use, while an answer already given keeps its version', async () => {
    const w = await world();
    const answeredFirst = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06');
    await submit(w, answeredFirst, content('started'));
    const later = await followUp(w, 'earlyStage', '2026-03-01', '2026-03-06', { project: binjiang });

    w.clock.set('2026-03-02T09:00:00+08:00');
    const published = await publish(w, v2);
    expect(published.data.survey).toMatchObject({ stage: 'started', version: 2, publishedAt: at('2026-03-02T09:00:00+08:00'), publishedBy: approver._id });
    expect((await w.call(survey, cs._id, { action: 'catalogue' })).data.surveys[1]).toMatchObject({ stage: 'started', version: 2 });

    const old = await w.call(survey, owner._id, { action: 'get', followUpId: answeredFirst });
    expect(old.data.survey).toMatchObject({ version: 1 });
    expect(old.data.answers).toEqual(content('started'));

    expect((await w.call(survey, otherOwner._id, { action: 'get', followUpId: later })).data.survey.version).toBe(2);
    expect(await submit(w, later, content('started'), otherOwner._id)).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await submit(w, later, { crewOnTime: 'no', overall: 4 }, otherOwner._id)).toMatchObject({
      ok: true, data: { complaints: [{ category: 'schedule', departmentLabel: '工程部' }] },
    });
    expect(await stored(w, 'surveyAnswers', later)).toMatchObject({ version: 2, score: 4 });

    expect((await publish(w, v2)).data.survey.version).toBe(3);
    expect((await snapshot(w.db, 'surveyVersions')).map((s: any) => s._id)).toEqual(['started-v2', 'started-v3']);
  });

  it('refuses a questionnaire with a repeated id, a misplaced or unrouted problem, or from anyone but an admin, writing nothing', async () => {
    const w = await world();
    const before = await everything(w);
    const questions = [
      { id: 'crewOnTime', type: 'yesNo', text: '施工队每天按时进场吗？', problemWhen: 'no' },
      { id: 'crewOnTime', type: 'rating', text: '您对施工队满意吗？', problemWhen: 'no', topic: 'constructionQuality' },
    ];
    expect(await publish(w, { ...v2, sections: [{ id: 'stage', title: '开工情况', questions }] })).toMatchObject({
      ok: false, code: 'REQUEST.INVALID',
      fields: {
        'sections.0.questions.0.topic': '会反映问题的题目必须选择问题类别',
        'sections.0.questions.1.id': '题目编号重复：crewOnTime',
        'sections.0.questions.1.problemWhen': '只有“是/否”题能设置哪个回答算问题',
      },
    });
    expect(await publish(w, { ...v2, sections: [] })).toMatchObject({ ok: false, fields: { sections: '请至少设置一道题' } });
    expect(await publish(w, { ...v2, stage: 'someday' })).toMatchObject({ ok: false, fields: { stage: '阶段无效' } });
    expect(await w.call(adminFunction, cs._id, { ...v2, action: 'proposeSurvey' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);
    expect(await publish(w, { ...v2, stage: 'welcome', sections: [] })).toMatchObject({ ok: true, data: { survey: { stage: 'welcome', version: 2 } } });
  });
});

/** The database as a process sees it when it dies on its way to the complaints. */
function complaintsUnreachable(db: Database): Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'collection') {
        return (name: string) => {
          if (name === 'complaints') throw new Error('the process died before opening the complaints');
          return target.collection(name);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
