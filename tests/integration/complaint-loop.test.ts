import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { escalateTimer } from '../../cloudfunctions/escalate/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { surveyFunction as survey } from '../../cloudfunctions/survey/handler';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import { questionsOf, type Answers } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, engManager, designManager, cs, csManager, gm, admin } = PEOPLE;

const file = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(complaint, owner._id, {
    action: 'file', projectId: 'p-cuihu', category: 'constructionQuality', description: '卫生间墙砖大面积空鼓，敲起来声音发空',
    remedy: '重新铺贴，赔偿误工', ...extra,
  });

async function filed(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await file(w, extra);
  expect(r.ok).toBe(true);
  return r.data.complaint.id;
}

const stored = async (w: World, collection: string, id: string) => (await w.db.collection(collection).doc(id).get()).data[0] as any;
const noticesTo = async (w: World, to: string) => ((await snapshot(w.db, 'notices')) as any[]).filter((n) => n.to === to);

describe('complaint intake asks what the homeowner wants', () => {
  it('a complaint without the remedy wanted is refused with a message the homeowner can act on, and nothing is written', async () => {
    const w = await world();
    const r = await file(w, { remedy: ' ' });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { remedy: expect.stringContaining('您希望怎样处理') } });
    expect(await snapshot(w.db, 'complaints')).toEqual([]);
    expect(await snapshot(w.db, 'notices')).toEqual([]);
  });

  it('the remedy is kept on the complaint and shown to the homeowner and the handler; customer service records it from the call', async () => {
    const w = await world();
    const id = await filed(w);
    expect(await stored(w, 'complaints', id)).toMatchObject({ remedy: '重新铺贴，赔偿误工' });
    expect((await w.call(complaint, engManager._id, { action: 'get', complaintId: id })).data.complaint.remedy).toBe('重新铺贴，赔偿误工');
    const phoned = await w.call(complaint, cs._id, { action: 'logPhone', projectId: 'p-cuihu', category: 'serviceAttitude', description: '工人说话不客气', remedy: '换一个工人' });
    expect(await stored(w, 'complaints', phoned.data.complaint.id)).toMatchObject({ remedy: '换一个工人', channel: 'phone' });
  });
});

/** A follow-up ready to answer, and every required answer given in the most content way. */
async function surveyFollowUp(w: World): Promise<string> {
  const id = followUpId('p-cuihu', 'earlyStage');
  await w.db.collection('followups').doc(id).set({ ...newFollowUp(PROJECTS[0], { key: 'earlyStage', kind: 'earlyStage', dueDate: '2026-03-01', windowEnd: '2026-03-06' }, w.clock.now()), state: 'sent' });
  return id;
}
function content(): Answers {
  const a: Answers = {};
  for (const q of questionsOf(DEFAULT_SURVEYS.started).filter((x) => x.required)) {
    a[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? 5 : q.type === 'count' ? 3 : q.type === 'text' ? '挺好' : q.problemWhen === 'yes' ? 'no' : 'yes';
  }
  return a;
}

async function repairComplaint(w: World): Promise<string> {
  const t = (await w.call(repair, owner._id, { action: 'create', projectId: 'p-cuihu', category: 'painting', description: '客厅墙面开裂一道缝', preferredVisit: { date: '2026-03-02', slot: 'afternoon' } })).data.ticket.id;
  const step = (who: string, e: Record<string, unknown>) => w.call(repair, who, { ticketId: t, ...e });
  for (let round = 0; round < 2; round++) {
    if (round === 0) await step(sm._id, { action: 'accept' });
    await step(sm._id, { action: 'schedule', visitAt: w.clock.now() + 3_600_000 });
    await step(sm._id, { action: 'arrive' });
    await step(sm._id, { action: 'resolve', note: '重新批腻子刷漆', photos: [w.files.add(`local://uploads/${'b'.repeat(23)}${round}.jpg`)] });
    expect(await step(owner._id, { action: 'reopen', reason: '还是裂开了' })).toMatchObject({ ok: true });
  }
  return `repair-${t}`;
}

describe('every complaint is acknowledged (受理函), whatever its channel', () => {
  it('a homeowner’s, a phone call’s, a survey’s and a repair’s complaint each get the acknowledgement with the reply and result deadlines, on the complaint page and by message', async () => {
    const w = await world();
    const fromApp = await filed(w);
    const fromPhone = (await w.call(complaint, cs._id, { action: 'logPhone', projectId: 'p-cuihu', category: 'schedule', description: '工期已经拖了两周', remedy: '给出新的完工日期' })).data.complaint.id;
    const f = await surveyFollowUp(w);
    const answered = await w.call(survey, owner._id, { action: 'submit', followUpId: f, answers: { ...content(), designer: 'poor' } });
    const fromSurvey = answered.data.complaints[0].id;
    const fromRepair = await repairComplaint(w);
    for (const id of [fromApp, fromPhone, fromSurvey, fromRepair]) {
      const c = await stored(w, 'complaints', id);
      expect(c.acknowledgement).toEqual({ at: c.receivedAt, replyBy: c.receivedAt + 24 * 3_600_000, resultBy: c.receivedAt + 7 * 24 * 3_600_000 });
      const page = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
      expect(page.acknowledgement.text).toContain(`编号 ${c.ref}`);
      expect(page.acknowledgement.text).toContain('处理结果最迟在');
      const notice = await stored(w, 'notices', `complaint.received:${id}`);
      expect(notice).toMatchObject({ to: owner._id, kind: 'complaint.received', ref: c.ref, body: page.acknowledgement.text, page: `/pages/complaint/index?id=${encodeURIComponent(id)}` });
    }
    expect(new Set((await noticesTo(w, owner._id)).filter((n) => n.kind === 'complaint.received').map((n) => n._id)).size).toBe(4);
  });

  it('the acknowledgement states the deadlines in China time: reply in 24 hours, result within the configured days', async () => {
    const w = await world('2026-03-01T22:30:00+08:00');
    await w.db.collection('settings').doc('complaint').set({ resultWithinDays: 3 });
    const id = await filed(w);
    const page = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
    expect(page.acknowledgement).toMatchObject({ replyBy: at('2026-03-02T22:30:00+08:00'), resultBy: at('2026-03-04T22:30:00+08:00') });
    expect(page.acknowledgement.text).toBe('很抱歉给您带来不好的体验。您的投诉已于 3月1日 22:30 受理，编号 TS-20260301-0001。处理人：刘经理（工程部）。我们会在 3月2日 22:30 前答复您，处理结果最迟在 3月4日 前告知您。');
  });

  it('a retried or reopened intake acknowledges once: one notice per complaint', async () => {
    const w = await world();
    await file(w, { requestId: 'complaint-form-1' });
    await file(w, { requestId: 'complaint-form-1' });
    expect((await noticesTo(w, owner._id)).map((n) => n.kind)).toEqual(['complaint.received']);
  });
});

describe('the staff member a complaint is about is told', () => {
  it('the project manager named in a complaint gets a notice about it, once, and the homeowner’s phone is not in it', async () => {
    const w = await world();
    const id = await filed(w, { staffRole: 'projectManager', requestId: 'complaint-form-2' });
    await filed(w, { staffRole: 'projectManager', requestId: 'complaint-form-2' });
    const told = await noticesTo(w, sm._id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ _id: `complaint.about-you:${id}`, kind: 'complaint.about-you', ref: 'TS-20260301-0001' });
    expect(told[0].body).toContain('卫生间墙砖大面积空鼓');
    expect(told[0].body).toContain('刘经理（工程部）');
    expect(told[0].body).not.toContain(owner.phone);
  });

  it('nobody is told about a complaint that names no one', async () => {
    const w = await world();
    await filed(w);
    expect(await noticesTo(w, sm._id)).toEqual([]);
  });
});

describe('first-contact ownership: a named handler', () => {
  it('the homeowner sees a named handler, and the handler, told of it, finds it under 指派给我; no one else does', async () => {
    const w = await world();
    const id = await filed(w);
    const page = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
    expect(page.handler).toEqual({ id: engManager._id, name: '刘经理', departmentLabel: '工程部' });
    expect(page.handlerLabel).toBe('刘经理（工程部）');
    expect((await w.call(complaint, owner._id, { action: 'mine' })).data.complaints[0].handlerLabel).toBe('刘经理（工程部）');
    expect(await stored(w, 'complaints', id)).toMatchObject({ handlerId: engManager._id });
    const mine = await w.call(complaint, engManager._id, { action: 'assigned' });
    expect(mine.data.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await w.call(complaint, engManager._id, { action: 'get', complaintId: id })).data.complaint.mine).toBe(true);
    expect(await stored(w, 'notices', `complaint.assigned:${id}:0:${engManager._id}`)).toMatchObject({ to: engManager._id, kind: 'complaint.assigned' });
    for (const other of [designManager, cs, csManager, gm, admin]) {
      expect((await w.call(complaint, other._id, { action: 'assigned' })).data.complaints).toEqual([]);
    }
    expect(await w.call(complaint, owner._id, { action: 'assigned' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, sm._id, { action: 'assigned' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('the agent who takes a customer-service complaint on the phone owns it', async () => {
    const w = await world();
    const r = await w.call(complaint, cs._id, { action: 'logPhone', projectId: 'p-cuihu', category: 'serviceAttitude', description: '客服回电态度很差', remedy: '道歉' });
    expect(r.data.complaint.handler).toMatchObject({ id: cs._id, name: '徐客服' });
    expect((await w.call(complaint, cs._id, { action: 'assigned' })).data.complaints).toHaveLength(1);
    expect((await w.call(complaint, csManager._id, { action: 'assigned' })).data.complaints).toEqual([]);
  });

  it('handlers share the work: the second complaint of a department goes to the manager with fewer open ones', async () => {
    const w = await world();
    await w.db.collection('users').doc('dm-eng-2').set({ name: '马经理', phone: '13700137010', roles: ['deptManager'], department: 'engineering' });
    const a = await filed(w);
    const b = await filed(w, { category: 'schedule' });
    expect((await stored(w, 'complaints', a)).handlerId).toBe(engManager._id);
    expect((await stored(w, 'complaints', b)).handlerId).toBe('dm-eng-2');
  });

  it('a complaint re-routed or sent up for review is handed to a named person there, who is told; the history says so', async () => {
    const w = await world();
    const id = await filed(w);
    const moved = await w.call(complaint, cs._id, { action: 'forward', complaintId: id, department: 'design', reason: '是设计图的问题' });
    expect(moved.data.complaint.handler).toMatchObject({ id: designManager._id, name: '何经理' });
    expect(moved.data.complaint.history.at(-1)).toMatchObject({ type: 'assigned', note: '由何经理负责处理' });
    expect(await stored(w, 'notices', `complaint.assigned:${id}:0:${designManager._id}`)).toMatchObject({ to: designManager._id });
    expect((await w.call(complaint, engManager._id, { action: 'assigned' })).data.complaints).toEqual([]);
    // the design department misses its deadline: the review level (customer service) gets a named handler
    w.clock.advanceHours(25);
    await escalateTimer(w.deps)();
    expect(await stored(w, 'complaints', id)).toMatchObject({ department: 'customerService', handlerId: csManager._id });
    expect((await w.call(complaint, csManager._id, { action: 'assigned' })).data.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});

describe('the investigation keeps evidence and ends in a written finding', () => {
  it('only the handler adds evidence photos and a finding; the homeowner sees the finding but not the evidence', async () => {
    const w = await world();
    const id = await filed(w);
    const photo = w.files.add('local://uploads/cccccccccccccccccccccccc.jpg');
    const evidence = { action: 'evidence', complaintId: id, photos: [photo], note: '现场敲击，空鼓面积约 2 平方米' };
    expect(await w.call(complaint, owner._id, evidence)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, designManager._id, evidence)).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(await w.call(complaint, sm._id, evidence)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await stored(w, 'complaints', id)).evidence).toEqual([]);
    const added = await w.call(complaint, engManager._id, evidence);
    expect(added.data.complaint).toMatchObject({ status: 'investigating', evidence: [{ photos: [photo], note: '现场敲击，空鼓面积约 2 平方米', byName: '刘经理' }] });
    expect(await w.call(complaint, engManager._id, { ...evidence, photos: [] })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { photos: '请至少上传一张证据照片' } });
    expect(await w.call(complaint, engManager._id, { ...evidence, photos: ['local://uploads/dddddddddddddddddddddddd.jpg'] })).toMatchObject({ ok: false });

    const finding = { action: 'finding', complaintId: id, text: '铺贴时水泥砂浆不饱满，属施工质量问题' };
    expect(await w.call(complaint, owner._id, finding)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await w.call(complaint, engManager._id, finding)).data.complaint.finding).toMatchObject({ text: finding.text, byName: '刘经理' });
    const c = await stored(w, 'complaints', id);
    expect(c.evidence).toHaveLength(1);
    expect(c.finding).toMatchObject({ text: finding.text, by: engManager._id });

    const seen = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
    expect(seen.finding).toMatchObject({ text: finding.text });
    expect(seen.evidence).toEqual([]);
    expect(seen.history.map((e: { type: string }) => e.type)).not.toContain('evidence');
  });
});

describe('the result names how to seek further remedy', () => {
  it('once there is a proposal, the homeowner is shown the review, the hotline from settings and the regulator’s 12315; before it, nothing', async () => {
    const w = await world();
    await w.db.collection('settings').doc('followup').set({ hotline: '400-820-1234' });
    const id = await filed(w);
    expect((await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint.furtherRemedies).toEqual([]);
    await w.call(complaint, engManager._id, { action: 'propose', complaintId: id, text: '下周二上门重新铺贴，费用由公司承担' });
    const ways = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint.furtherRemedies.join('\n');
    expect(ways).toContain('上一级复审');
    expect(ways).toContain('400-820-1234');
    expect(ways).toContain('12315');
    await w.call(complaint, owner._id, { action: 'accept', complaintId: id });
    const closed = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
    expect(closed.furtherRemedies.join('\n')).toContain('12315');
    expect(closed.furtherRemedies.join('\n')).not.toContain('复审');
  });
});

describe('legal liability (003 第八条)', () => {
  it('staff mark a complaint as involving legal liability once; a second mark and the homeowner are refused; the homeowner does not see it', async () => {
    const w = await world();
    const id = await filed(w, { category: 'privateCharges', description: '工长私下收了我 3000 元材料费' });
    const mark = { action: 'legal', complaintId: id, note: '涉嫌收受现金，需报公安机关' };
    expect(await w.call(complaint, owner._id, mark)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, designManager._id, mark)).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect((await stored(w, 'complaints', id)).legalLiability).toBeNull();
    const marked = await w.call(complaint, cs._id, mark);
    expect(marked.data.complaint.legalLiability).toMatchObject({ note: mark.note, byName: '徐客服' });
    expect(marked.data.complaint.allowed).not.toContain('legal');
    const first = await stored(w, 'complaints', id);
    w.clock.advanceHours(1);
    expect(await w.call(complaint, gm._id, { ...mark, note: '再标一次' })).toMatchObject({ ok: false, code: 'COMPLAINT.ALREADY_MARKED' });
    expect(await stored(w, 'complaints', id)).toEqual(first);
    const seen = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint;
    expect(seen.legalLiability).toBeNull();
    expect(seen.history.map((e: { type: string }) => e.type)).not.toContain('legalLiability');
    expect((await w.call(complaint, gm._id, { action: 'get', complaintId: id })).data.complaint.legalLiability).toMatchObject({ note: mark.note });
  });
});

describe('complaints opened from a survey', () => {
  it('the thank-you answer says who will reply and by when, from each complaint’s own handler and deadline', async () => {
    const w = await world();
    const f = await surveyFollowUp(w);
    const r = await w.call(survey, owner._id, { action: 'submit', followUpId: f, answers: { ...content(), designer: 'poor', quality: 'poor' } });
    expect(r.data.complaints).toHaveLength(2);
    for (const opened of r.data.complaints) {
      const c = await stored(w, 'complaints', opened.id);
      expect(opened).toMatchObject({ ref: c.ref, replyBy: c.replyBy });
      expect(c.description).toMatch(/^我对.+不满意：/);
    }
    expect(r.data.complaints.map((c: { handlerLabel: string }) => c.handlerLabel).sort()).toEqual(['何经理（设计部）', '刘经理（工程部）']);
  });
});

describe('the deadline for the result is tracked', () => {
  it('a complaint with no resolution proposed by the promised result date is shown as late in every staff list; a proposal ends that', async () => {
    const w = await world();
    const late = await filed(w);
    const answered = await filed(w, { category: 'schedule' });
    w.clock.advanceHours(6 * 24);
    await w.call(complaint, engManager._id, { action: 'propose', complaintId: answered, text: '下周一起每天加派两名工人，月底前完工' });
    const before = (await w.call(complaint, cs._id, { action: 'queue' })).data.complaints.find((c: { id: string }) => c.id === late);
    expect(before).toMatchObject({ resultBy: at('2026-03-08T10:00:00+08:00'), resultOverdue: false });
    w.clock.advanceHours(24 + 1);
    const lists = [
      (await w.call(complaint, cs._id, { action: 'queue' })).data.complaints,
      (await w.call(complaint, engManager._id, { action: 'assigned' })).data.complaints,
      (await w.call(complaint, owner._id, { action: 'mine' })).data.complaints,
    ];
    for (const list of lists) {
      expect(list.find((c: { id: string }) => c.id === late)).toMatchObject({ resultOverdue: true });
    }
    expect((await w.call(complaint, owner._id, { action: 'mine' })).data.complaints.find((c: { id: string }) => c.id === answered)).toMatchObject({ resultOverdue: false });
  });
});
