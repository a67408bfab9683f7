import { PREFERRED_TIME_PRESETS } from '@shared/followup/contact';
import { phoneTaskFollowUp } from '@shared/followup/dispatch';
import { followUpId, newFollowUp, type FollowUp, type PhoneReason } from '@shared/followup/followup';
import type { PlannedFollowUp } from '@shared/followup/schedule';
import { questionsOf, type Answers, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin, engManager } = PEOPLE;
const [cuihu, binjiang] = PROJECTS;
const EVENING = PREFERRED_TIME_PRESETS[1].windows;

const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate' };
const TEMPLATES = { stageVisit: { id: 'tpl-stage', fields: FIELDS }, serviceVisit: { id: 'tpl-service', fields: FIELDS } };

// 2026-03-11 is a Wednesday.
const START = '2026-03-11T10:00:00+08:00';
const MID: PlannedFollowUp = { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' };

async function store(w: World, planned: PlannedFollowUp, over: Partial<FollowUp> = {}, project = cuihu): Promise<string> {
  const id = followUpId(project._id, planned.key);
  await w.db.collection('followups').doc(id).set({ ...newFollowUp(project, planned, at('2026-03-01T10:00:00+08:00')), ...over });
  return id;
}

/** A follow-up customer service has to call, for the given reason, from 10:00 on 2026-03-11. */
async function phoneTask(w: World, planned: PlannedFollowUp = MID, reason: PhoneReason = 'noCredit', callAt = at(START), project = cuihu): Promise<string> {
  const id = followUpId(project._id, planned.key);
  const f = { _id: id, ...newFollowUp(project, planned, at('2026-03-01T10:00:00+08:00')) };
  const { _id, ...task } = phoneTaskFollowUp(f, reason, callAt, callAt);
  await w.db.collection('followups').doc(_id).set(task);
  return id;
}

/** Every required question answered in the most content way, with `over` on top. */
function content(stage: SurveyStage, over: Answers = {}): Answers {
  const a: Answers = {};
  for (const q of questionsOf(DEFAULT_SURVEYS[stage]).filter((x) => x.required)) {
    a[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? 5 : q.type === 'count' ? 3 : q.type === 'text' ? '挺好' : q.type === 'defect' ? 'none' : q.problemWhen === 'yes' ? 'no' : 'yes';
  }
  return { ...a, ...over };
}

async function setup(iso = START): Promise<World> {
  const w = await world(iso);
  await w.db.collection('settings').doc('followup').set({ templates: TEMPLATES, hotline: '400-820-1234' });
  return w;
}

const stored = async (w: World, id: string) => (await w.db.collection('followups').doc(id).get()).data[0] as any;
const TOUCHED = ['followups', 'subscriptions', 'users', 'auditLog', 'surveyAnswers', 'complaints'];
const everything = async (w: World) => Promise.all(TOUCHED.map((c) => snapshot(w.db, c)));

describe('followup.home', () => {
  it("shows the homeowner their project's stages, the surveys waiting for them with their progress, and the answered ones", async () => {
    const w = await setup();
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { depositPaid: '2026-01-10', started: '2026-02-20', midPayment: '2026-03-11' } });
    const mid = await store(w, MID, { state: 'sent', draft: { design: 'good', quality: 'fair', nonsense: 'x' } });
    await store(w, { key: 'depositWelcome', kind: 'depositWelcome', dueDate: '2026-01-10', windowEnd: '2026-01-10' }, { state: 'done' });
    await store(w, { key: 'earlyStage', kind: 'earlyStage', dueDate: '2026-03-02', windowEnd: '2026-03-07' }, { state: 'answered', answeredAt: at('2026-03-03T10:00:00+08:00') });
    await store(w, { key: 'preCompletion', kind: 'preCompletion', dueDate: '2026-06-27', windowEnd: '2026-06-29' });
    await store(w, { key: 'concealedWorks', kind: 'concealedWorks', dueDate: '2026-03-09', windowEnd: '2026-03-12' }, { state: 'phoneTask' });
    const r = await w.call(followup, owner._id, { action: 'home' });
    expect(r.ok).toBe(true);
    const [project] = r.data.projects;
    expect(project).toMatchObject({ id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室' });
    expect(project.timeline.find((s: { current: boolean }) => s.current)).toEqual({ milestone: 'midPayment', label: '中期款', date: '2026-03-11', current: true });
    expect(project.waiting.map((f: { id: string }) => f.id)).toEqual(['p-cuihu--concealedWorks', mid]);
    expect(project.waiting[1]).toEqual({
      id: mid, kind: 'midStage', label: '中期回访', stage: 'mid', dueDate: '2026-03-11', windowEnd: '2026-03-14', state: 'sent',
      progress: { answered: 2, total: questionsOf(DEFAULT_SURVEYS.mid).length },
    });
    expect(project.answered.map((f: { kind: string }) => f.kind)).toEqual(['earlyStage']);
    expect(r.data.subscriptions).toEqual([
      { purpose: 'stageVisit', label: '施工阶段回访提醒', templateId: 'tpl-stage', credits: 0 },
      { purpose: 'serviceVisit', label: '维修与投诉处理回访', templateId: 'tpl-service', credits: 0 },
    ]);
    expect(r.data.contactWindows).toBeNull();
  });

  it("never shows a homeowner someone else's project or follow-ups", async () => {
    const w = await setup();
    await store(w, MID, { state: 'sent' });
    const r = await w.call(followup, otherOwner._id, { action: 'home' });
    expect(r.data.projects.map((p: { id: string }) => p.id)).toEqual(['p-binjiang']);
    expect(r.data.projects[0].waiting).toEqual([]);
  });

  it('is for homeowners only', async () => {
    const w = await setup();
    expect(await w.call(followup, cs._id, { action: 'home' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, null, { action: 'home' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
  });
});

describe('followup.subscribed', () => {
  it('adds one message credit per accepted template the company uses, and answers what is left', async () => {
    const w = await setup();
    const r = await w.call(followup, owner._id, { action: 'subscribed', results: { 'tpl-stage': 'accept', 'tpl-service': 'accept' } });
    expect(r.data.subscriptions).toEqual([
      { purpose: 'stageVisit', label: '施工阶段回访提醒', templateId: 'tpl-stage', credits: 1 },
      { purpose: 'serviceVisit', label: '维修与投诉处理回访', templateId: 'tpl-service', credits: 1 },
    ]);
    await w.call(followup, owner._id, { action: 'subscribed', results: { 'tpl-stage': 'accept' } });
    expect((await w.db.collection('contacts').doc('owner-li').get()).data[0]).toMatchObject({
      credits: { 'tpl-stage': { templateId: 'tpl-stage', left: 2, accepted: 2, spent: 0 }, 'tpl-service': { left: 1 } },
      updatedAt: at(START),
    });
  });

  it('ignores rejected, banned and filtered templates and ids the company does not use', async () => {
    const w = await setup();
    const r = await w.call(followup, owner._id, { action: 'subscribed', results: { 'tpl-stage': 'reject', 'tpl-service': 'ban', 'tpl-unknown': 'accept' } });
    expect(r.data.subscriptions.map((s: { credits: number }) => s.credits)).toEqual([0, 0]);
    expect(await snapshot(w.db, 'contacts')).toEqual([]);
  });

  it('refuses more than 3 templates at once (WeChat asks for at most 3 per tap), writing nothing', async () => {
    const w = await setup();
    const r = await w.call(followup, owner._id, { action: 'subscribed', results: { 'tpl-stage': 'accept', 'tpl-service': 'accept', a: 'accept', b: 'accept' } });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { results: '一次最多订阅 3 个消息模板' } });
    expect(await snapshot(w.db, 'contacts')).toEqual([]);
  });

  it('gives staff no credit for a homeowner’s follow-up template (staff accept only their own work template)', async () => {
    const w = await setup();
    expect(await w.call(followup, cs._id, { action: 'subscribed', results: { 'tpl-stage': 'accept' } })).toMatchObject({ ok: true, data: { subscriptions: [] } });
    expect(await snapshot(w.db, 'contacts')).toEqual([]);
  });
});

describe('followup.setContactTime', () => {
  it("stores the homeowner's preferred times, shows them on the home page, and clears them with null", async () => {
    const w = await setup();
    expect(await w.call(followup, owner._id, { action: 'setContactTime', windows: EVENING })).toEqual({ ok: true, data: { contactWindows: EVENING } });
    expect((await w.db.collection('users').doc(owner._id).get()).data[0]).toMatchObject({ contactWindows: EVENING });
    expect((await w.call(followup, owner._id, { action: 'home' })).data.contactWindows).toEqual(EVENING);
    await w.call(followup, owner._id, { action: 'setContactTime', windows: null });
    expect((await w.db.collection('users').doc(owner._id).get()).data[0].contactWindows).toBeNull();
  });

  it('has a follow-up held for a contact window looked at again under the new times', async () => {
    const w = await setup();
    const id = await store(w, MID, { hold: 'outsideWindow', nextActionAt: at('2026-03-12T10:00:00+08:00') });
    const capped = await store(w, { ...MID, key: 'concealedWorks', kind: 'concealedWorks' }, { hold: 'dailyCap', nextActionAt: at('2026-03-12T10:00:00+08:00') });
    await w.call(followup, owner._id, { action: 'setContactTime', windows: EVENING });
    expect(await stored(w, id)).toMatchObject({ nextActionAt: at(START) });
    expect(await stored(w, capped)).toMatchObject({ nextActionAt: at('2026-03-12T10:00:00+08:00') });
  });

  it('refuses windows that end before they start, writing nothing', async () => {
    const w = await setup();
    const before = await everything(w);
    const r = await w.call(followup, owner._id, { action: 'setContactTime', windows: [{ days: 'weekday', from: '21:30', to: '19:30' }] });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'windows.0': '结束时间应晚于开始时间' } });
    expect(await everything(w)).toEqual(before);
  });

  it('is for homeowners only', async () => {
    const w = await setup();
    expect(await w.call(followup, sm._id, { action: 'setContactTime', windows: null })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('followup.calls', () => {
  it('lists phone tasks for customer service, the earliest call first, with names and the phone masked', async () => {
    const w = await setup();
    const later = await phoneTask(w, MID, 'unanswered', at('2026-03-12T10:00:00+08:00'));
    const sooner = await phoneTask(w, MID, 'noCredit', at('2026-03-11T15:00:00+08:00'), binjiang);
    await store(w, { ...MID, key: 'concealedWorks', kind: 'concealedWorks' }, { state: 'sent' });
    const r = await w.call(followup, cs._id, { action: 'calls' });
    expect(r.data.tasks.map((t: { id: string }) => t.id)).toEqual([sooner, later]);
    expect(r.data.tasks[1]).toEqual({
      id: later, kind: 'midStage', label: '中期回访', projectName: '翠湖花园 3-1201', homeownerName: '李女士', homeownerPhone: '138****8001',
      reason: 'unanswered', reasonLabel: '已发通知，到期未填写', callAt: at('2026-03-12T10:00:00+08:00'), state: 'phoneTask', attempts: 0,
      priority: false, priorityLabel: '',
    });
  });

  it('puts a homeowner who complained before first among the calls that can be made now, marked as a priority follow-up (001 第三篇 第四条)', async () => {
    const w = await setup('2026-03-11T16:00:00+08:00');
    const plain = await phoneTask(w, MID, 'noCredit', at('2026-03-11T10:00:00+08:00'));
    const complainer = await phoneTask(w, MID, 'noCredit', at('2026-03-11T15:00:00+08:00'), binjiang);
    const notYet = await phoneTask(w, { ...MID, key: 'concealedWorks', kind: 'concealedWorks' }, 'noCredit', at('2026-03-12T10:00:00+08:00'), binjiang);
    for (const [category, description] of [['constructionQuality', '卫生间墙砖大面积空鼓'], ['serviceAttitude', '工人说话很不客气']]) {
      const filed = await w.call(complaint, otherOwner._id, { action: 'file', projectId: binjiang._id, category, description, remedy: '给个说法' });
      expect(filed.ok).toBe(true);
    }
    const r = await w.call(followup, cs._id, { action: 'calls' });
    expect(r.data.tasks.map((t: { id: string }) => t.id)).toEqual([complainer, plain, notYet]);
    expect(r.data.tasks[0]).toMatchObject({ priority: true, priorityLabel: '重点回访：业主投诉过 2 次' });
    expect(r.data.tasks[1]).toMatchObject({ priority: false, priorityLabel: '' });
    // a priority call that must wait for its time does not jump the queue
    expect(r.data.tasks[2]).toMatchObject({ priority: true });
    const opened = await w.call(followup, cs._id, { action: 'call', followUpId: complainer });
    expect(opened.data.task).toMatchObject({ priority: true, priorityLabel: '重点回访：业主投诉过 2 次' });
  });

  it('is for customer service and admins', async () => {
    const w = await setup();
    await phoneTask(w);
    expect((await w.call(followup, admin._id, { action: 'calls' })).data.tasks).toHaveLength(1);
    for (const who of [owner._id, sm._id, engManager._id]) expect(await w.call(followup, who, { action: 'calls' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('followup.call', () => {
  it('opens a task with the full number, the address, a script, the questions, the draft and the contact times, and audits the read', async () => {
    const w = await setup();
    await w.call(followup, owner._id, { action: 'setContactTime', windows: EVENING });
    const id = await phoneTask(w);
    await w.db.collection('followups').doc(id).update({ draft: w.db.command.set({ design: 'good' }) });
    const r = await w.call(followup, cs._id, { action: 'call', followUpId: id });
    expect(r.data.task).toMatchObject({
      id, homeownerName: '李女士', homeownerPhone: '13800138001', address: '杭州市西湖区翠湖花园 3 幢 1201 室',
      dueDate: '2026-03-11', windowEnd: '2026-03-14', survey: { stage: 'mid' }, draft: { design: 'good' }, history: [], contactWindows: EVENING,
    });
    expect(r.data.task.script[0]).toBe('您好，请问是李女士吗？我是装修公司的客服徐客服。');
    expect(r.data.task.script).toContain('不方便的话请问什么时间方便？');
    expect(r.data.task.script.join('')).toContain('400-820-1234');
    // the closing line promises what logCall does: problems go to the department the same day (001 第二篇)
    expect(r.data.task.script.join('')).toContain('您反映的问题我会今天就转告相关部门负责人处理');
    expect(await snapshot(w.db, 'auditLog')).toEqual([
      expect.objectContaining({ kind: 'personalDataRead', viewerId: cs._id, subjectId: owner._id, record: `followups/${id}`, fields: ['name', 'phone', 'address'], at: at(START) }),
    ]);
  });

  it('refuses a follow-up that is not a phone task, one that does not exist, and callers who are not staff, writing nothing', async () => {
    const w = await setup();
    const sent = await store(w, MID, { state: 'sent' });
    const task = await phoneTask(w, { ...MID, key: 'concealedWorks', kind: 'concealedWorks' });
    const before = await everything(w);
    expect(await w.call(followup, cs._id, { action: 'call', followUpId: sent })).toMatchObject({ ok: false, code: 'FOLLOWUP.NOT_A_TASK' });
    expect(await w.call(followup, cs._id, { action: 'call', followUpId: 'p-cuihu--nothing' })).toMatchObject({ ok: false, code: 'FOLLOWUP.NOT_FOUND' });
    expect(await w.call(followup, owner._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, otherOwner._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, sm._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, cs._id, { action: 'call' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { followUpId: '缺少回访编号' } });
    expect(await everything(w)).toEqual(before);
  });
});

describe('followup.logCall', () => {
  it('records the answers given on the phone as the homeowner’s, closes the task, and keeps the attempt', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'answered', note: '业主很满意', answers: content('mid') });
    expect(r).toMatchObject({ ok: true, data: { task: { id, state: 'answered', attempts: 1, callAt: null }, complaints: [] } });
    const f = await stored(w, id);
    expect(f).toMatchObject({ state: 'answered', answeredAt: at(START), nextActionAt: null });
    expect(f.attempts).toEqual([{ at: at(START), by: cs._id, byName: '徐客服', outcome: 'answered', note: '业主很满意', callAt: null }]);
    expect(f.history.map((e: { event: string }) => e.event)).toEqual(['planned', 'phoneTask', 'answered', 'call']);
    expect((await w.db.collection('surveyAnswers').doc(id).get()).data[0]).toMatchObject({ channel: 'phone', by: cs._id, stage: 'mid' });
  });

  it('opens a complaint the same day for a problem answer given on the phone, with its reference, handler and reply deadline to read out', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'answered', answers: content('mid', { schedule: 'poor' }) });
    expect(r.data.complaints).toEqual([expect.objectContaining({ category: 'schedule', department: '工程部' })]);
    const c = (await w.db.collection('complaints').doc(r.data.complaints[0].id).get()).data[0] as unknown as { ref: string; replyBy: number };
    expect(r.data.complaints[0]).toMatchObject({ ref: c.ref, handlerLabel: '刘经理（工程部）', replyBy: c.replyBy });
    expect(c.ref).toMatch(/^TS-\d{8}-0001$/);
  });

  it('keeps the task at the time the homeowner named when it was not a good time', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const callAt = at('2026-03-12T19:00:00+08:00');
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'notNow', note: '在开会，明晚七点再打', callAt });
    expect(r.data.task).toMatchObject({ state: 'phoneTask', callAt, attempts: 1 });
    expect((await stored(w, id)).attempts[0]).toMatchObject({ outcome: 'notNow', callAt, by: cs._id });
  });

  it('tries an unreachable homeowner again two hours later, at the next contact time', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'unreachable' });
    // 12:00 is between the windows: the afternoon window opens at 15:00
    expect(r.data.task).toMatchObject({ state: 'phoneTask', callAt: at('2026-03-11T15:00:00+08:00'), attempts: 1 });
  });

  it('closes the follow-up when the homeowner declines', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const r = await w.call(followup, admin._id, { action: 'logCall', followUpId: id, outcome: 'declined', note: '不想回答' });
    expect(r.data.task).toMatchObject({ state: 'done', callAt: null, attempts: 1 });
    expect((await w.call(followup, cs._id, { action: 'calls' })).data.tasks).toEqual([]);
  });

  it('refuses "not now" without a time or with a time already past, writing nothing', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const before = await everything(w);
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'notNow' })).toMatchObject({ ok: false, code: 'FOLLOWUP.CALL_AT_REQUIRED', fields: { callAt: '请选择回电时间' } });
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'notNow', callAt: at('2026-03-11T09:00:00+08:00') })).toMatchObject({ ok: false, code: 'FOLLOWUP.CALL_AT_IN_PAST' });
    expect(await everything(w)).toEqual(before);
  });

  it('refuses answers that leave required questions out, and "answered" without answers, writing nothing', async () => {
    const w = await setup();
    const id = await phoneTask(w);
    const before = await everything(w);
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'answered' })).toMatchObject({ ok: false, code: 'FOLLOWUP.ANSWERS_REQUIRED' });
    const partial = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'answered', answers: { design: 'good' } });
    expect(partial).toMatchObject({ ok: false });
    expect(await everything(w)).toEqual(before);
  });

  it('refuses a follow-up that is not a phone task, an unknown outcome, and callers who are not staff, writing nothing', async () => {
    const w = await setup();
    const sent = await store(w, MID, { state: 'sent' });
    const task = await phoneTask(w, { ...MID, key: 'concealedWorks', kind: 'concealedWorks' });
    const before = await everything(w);
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: sent, outcome: 'declined' })).toMatchObject({ ok: false, code: 'FOLLOWUP.NOT_A_TASK' });
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: 'p-cuihu--nothing', outcome: 'declined' })).toMatchObject({ ok: false, code: 'FOLLOWUP.NOT_FOUND' });
    expect(await w.call(followup, cs._id, { action: 'logCall', followUpId: task, outcome: 'hungUp' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { outcome: '请选择通话结果' } });
    expect(await w.call(followup, owner._id, { action: 'logCall', followUpId: task, outcome: 'declined' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, engManager._id, { action: 'logCall', followUpId: task, outcome: 'declined' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('the followup function', () => {
  it('answers an unknown action and an unregistered caller with a failure', async () => {
    const w = await setup();
    expect(await w.call(followup, owner._id, { action: 'sendNow' })).toMatchObject({ ok: false, code: 'REQUEST.UNKNOWN_ACTION' });
    expect(await w.call(followup, 'stranger', { action: 'home' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
  });
});
