import { stores } from '../../cloudfunctions/_platform/stores';
import type { FollowUp } from '@shared/followup/followup';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { syncFollowUps } from '../../cloudfunctions/_usecases/followups';
import { projectFunction as project } from '../../cloudfunctions/project/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import type { Database } from '../../cloudfunctions/_platform/database';
import type { Deps } from '../../cloudfunctions/_platform/ports';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, otherSm, engManager, cs, admin } = PEOPLE;

const record = (w: World, who: string | null, input: Record<string, unknown>) =>
  w.call(project, who, { action: 'recordMilestone', projectId: 'p-cuihu', ...input });

async function followUpsOf(w: World, projectId: string): Promise<FollowUp[]> {
  const docs = (await w.db.collection('followups').where({ projectId }).limit(200).get()).data as unknown as FollowUp[];
  return docs.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
}

async function followUp(w: World, id: string): Promise<FollowUp> {
  return (await w.db.collection('followups').doc(id).get()).data[0] as unknown as FollowUp;
}

/** Everything a refused call might have written. */
async function everything(w: World) {
  return { projects: await snapshot(w.db, 'projects'), followups: await snapshot(w.db, 'followups'), auditLog: await snapshot(w.db, 'auditLog') };
}

describe('project.mine', () => {
  it('lists the projects a site manager runs, with the latest stage reached', async () => {
    const w = await world();
    const r = await w.call(project, sm._id, { action: 'mine' });
    expect(r).toEqual({
      ok: true,
      data: { projects: [{ id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室', stage: { milestone: 'started', label: '开工', date: '2026-02-20' }, updatedAt: 0, due: [] }] },
    });
    expect((await w.call(project, otherSm._id, { action: 'mine' })).data.projects.map((p: { id: string }) => p.id)).toEqual(['p-binjiang']);
  });

  it('names the milestones a site’s follow-ups wait for: a completion past the contract date, then the final payment and the warranty', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const due = async () => (await w.call(project, sm._id, { action: 'mine' })).data.projects[0].due;
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-03-01' } });
    expect(await due()).toEqual([]);
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-02-28' } });
    expect(await due()).toEqual([{ milestone: 'completed', text: '合同竣工日 2026-02-28 已过，竣工后请记录竣工日期' }]);
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-02-28', completed: '2026-03-01' } });
    expect((await due()).map((d: { milestone: string }) => d.milestone)).toEqual(['finalPayment']);
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-02-28', completed: '2026-03-01', finalPayment: '2026-03-01' } });
    expect((await due()).map((d: { milestone: string }) => d.milestone)).toEqual(['warrantyRegistered']);
  });

  it('lists every project for an admin, newest first', async () => {
    const w = await world();
    await w.db.collection('projects').doc('p-binjiang').update({ createdAt: at('2026-02-01T09:00:00+08:00') });
    const r = await w.call(project, admin._id, { action: 'mine' });
    expect(r.data.projects.map((p: { id: string; stage: unknown }) => [p.id, p.stage])).toEqual([
      ['p-binjiang', null],
      ['p-cuihu', { milestone: 'started', label: '开工', date: '2026-02-20' }],
    ]);
  });

  it('is refused to homeowners and customer service, and writes nothing', async () => {
    const w = await world();
    const before = await everything(w);
    expect(await w.call(project, owner._id, { action: 'mine' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(project, cs._id, { action: 'mine' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('project.detail', () => {
  it('shows the site manager their project: milestones, what they may record, and its follow-ups', async () => {
    const w = await world();
    await syncFollowUps(stores(w.db), 'p-cuihu', w.clock.now());
    const r = await w.call(project, sm._id, { action: 'detail', projectId: 'p-cuihu' });
    expect(r.data.project).toMatchObject({
      id: 'p-cuihu', name: '翠湖花园 3-1201', homeownerName: '李女士', siteManagerName: '张建国', warrantyRegisteredBy: null, history: [],
      followUps: [{ id: 'p-cuihu--earlyStage', kind: 'earlyStage', label: '开工初期回访', dueDate: '2026-03-02', windowEnd: '2026-03-07', state: 'pending', stateLabel: '待回访' }],
    });
    const rows = r.data.project.milestones as { milestone: string; date: string | null; recordable: boolean }[];
    expect(rows.map((m) => m.milestone)).toEqual([
      'depositPaid', 'contractSigned', 'started', 'concealedWorksDone', 'midPayment', 'plannedCompletion', 'completed', 'finalPayment', 'warrantyRegistered', 'feedbackFormReceived',
    ]);
    expect(rows.find((m) => m.milestone === 'started')).toEqual({ milestone: 'started', label: '开工', date: '2026-02-20', recordable: true });
    expect(rows.filter((m) => !m.recordable).map((m) => m.milestone)).toEqual(['warrantyRegistered', 'feedbackFormReceived']);
  });

  it('shows customer service any project, with nothing to record, and writes the read of the homeowner’s name to the audit log', async () => {
    const w = await world();
    const r = await w.call(project, cs._id, { action: 'detail', projectId: 'p-binjiang' });
    expect(r.data.project).toMatchObject({ id: 'p-binjiang', homeownerName: '王先生', siteManagerName: '陈立新', followUps: [] });
    expect(r.data.project.milestones.every((m: { recordable: boolean }) => !m.recordable)).toBe(true);
    expect(await snapshot(w.db, 'auditLog')).toEqual([
      expect.objectContaining({ kind: 'personalDataRead', viewerId: cs._id, subjectId: 'owner-wang', record: 'projects/p-binjiang', fields: ['name', 'address'] }),
    ]);
  });

  it('answers another site manager’s project exactly as a missing one, and writes nothing', async () => {
    const w = await world();
    const before = await everything(w);
    const other = await w.call(project, sm._id, { action: 'detail', projectId: 'p-binjiang' });
    const missing = await w.call(project, sm._id, { action: 'detail', projectId: 'p-nowhere' });
    expect(other).toEqual({ ok: false, code: 'PROJECT.NOT_FOUND', message: '没有找到这个项目，请返回列表刷新', fields: { projectId: '项目不存在' } });
    expect(missing).toEqual(other);
    expect(await everything(w)).toEqual(before);
  });

  it('is refused to homeowners, department managers and unknown callers, and writes nothing', async () => {
    const w = await world();
    const before = await everything(w);
    expect(await w.call(project, owner._id, { action: 'detail', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(project, engManager._id, { action: 'detail', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(project, 'stranger', { action: 'detail', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    expect(await w.call(project, null, { action: 'detail', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('project.recordMilestone: refusals write nothing', () => {
  it('refuses customer service, homeowners and unknown callers', async () => {
    const w = await world();
    const before = await everything(w);
    const input = { milestone: 'contractSigned', date: '2026-02-10' };
    expect(await record(w, cs._id, input)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await record(w, owner._id, input)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await record(w, 'stranger', input)).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    expect(await record(w, null, input)).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    expect(await everything(w)).toEqual(before);
  });

  it('answers another site manager’s project exactly as a missing one', async () => {
    const w = await world();
    const before = await everything(w);
    const input = { milestone: 'contractSigned', date: '2026-02-10' };
    const other = await record(w, otherSm._id, input);
    expect(other).toMatchObject({ ok: false, code: 'PROJECT.NOT_FOUND' });
    expect(await record(w, otherSm._id, { ...input, projectId: 'p-nowhere' })).toEqual(other);
    expect(await everything(w)).toEqual(before);
  });

  it('refuses a malformed date, a day that does not exist, and a date after today', async () => {
    const w = await world();
    const before = await everything(w);
    expect(await record(w, sm._id, { milestone: 'contractSigned', date: '2026/02/10' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { date: '日期格式应为 YYYY-MM-DD' } });
    expect(await record(w, sm._id, { milestone: 'contractSigned', date: '2026-02-30' })).toMatchObject({ ok: false, code: 'PROJECT.BAD_DATE' });
    expect(await record(w, sm._id, { milestone: 'concealedWorksDone', date: '2026-03-02' })).toMatchObject({ ok: false, code: 'PROJECT.DATE_IN_FUTURE' });
    expect(await everything(w)).toEqual(before);
  });

  it('refuses a date out of order, a milestone recorded too early, and a correction without a reason', async () => {
    const w = await world();
    const before = await everything(w);
    expect(await record(w, sm._id, { milestone: 'contractSigned', date: '2026-02-21' })).toMatchObject({
      ok: false, code: 'PROJECT.MILESTONE_ORDER', message: '「合同签单」不能晚于已记录的「开工」（2026-02-20），如有误请先修改「开工」',
    });
    expect(await record(w, sm._id, { milestone: 'warrantyRegistered', date: '2026-02-25', warrantyBy: 'homeowner' })).toMatchObject({ ok: false, code: 'PROJECT.MILESTONE_TOO_EARLY', message: '请先记录竣工日期' });
    expect(await record(w, sm._id, { milestone: 'started', date: '2026-02-18' })).toMatchObject({ ok: false, code: 'PROJECT.REASON_REQUIRED', fields: { reason: '请写明原因，至少 2 个字' } });
    expect(await record(w, admin._id, { milestone: 'started', date: null, reason: '1' })).toMatchObject({ ok: false, code: 'PROJECT.REASON_REQUIRED' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('project.recordMilestone: the milestone and its follow-ups', () => {
  it('adds the early-stage follow-up 10 days after work starts, open until day 15', async () => {
    const w = await world();
    const r = await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-25' });
    expect(r.data.followUps).toEqual({ added: 1, moved: 0, cancelled: 0 });
    expect(r.data.project.history).toEqual([
      { milestone: 'started', from: null, to: '2026-02-25', by: otherSm._id, byName: '陈立新', at: at('2026-03-01T10:00:00+08:00'), reason: null },
    ]);
    expect(r.data.project.followUps).toEqual([
      { id: 'p-binjiang--earlyStage', kind: 'earlyStage', label: '开工初期回访', dueDate: '2026-03-07', windowEnd: '2026-03-12', state: 'pending', stateLabel: '待回访' },
    ]);
    expect(await followUp(w, 'p-binjiang--earlyStage')).toMatchObject({
      projectId: 'p-binjiang', homeownerId: 'owner-wang', key: 'earlyStage', state: 'pending', purpose: 'stageVisit',
      nextActionAt: at('2026-03-07T00:00:00+08:00'), history: [{ event: 'planned' }],
    });
  });

  it('moves the pending early-stage follow-up when the start of work is corrected, and keeps both in the history', async () => {
    const w = await world();
    await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-25' });
    w.clock.set('2026-03-01T15:00:00+08:00');
    const r = await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-23', reason: '实际 23 日进场' });
    expect(r.data.followUps).toEqual({ added: 0, moved: 1, cancelled: 0 });
    expect(r.data.project.history.map((h: { from: string | null; to: string | null; reason: string | null }) => [h.from, h.to, h.reason])).toEqual([
      [null, '2026-02-25', null],
      ['2026-02-25', '2026-02-23', '实际 23 日进场'],
    ]);
    const f = await followUp(w, 'p-binjiang--earlyStage');
    expect(f).toMatchObject({ dueDate: '2026-03-05', windowEnd: '2026-03-10', state: 'pending', nextActionAt: at('2026-03-05T00:00:00+08:00') });
    expect(f.history.map((h) => [h.event, h.note])).toEqual([['planned', null], ['moved', '2026-03-05 ~ 2026-03-10']]);
  });

  it('adds nothing twice when the same date is recorded again', async () => {
    const w = await world();
    await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-25' });
    const projectsBefore = await snapshot(w.db, 'projects');
    const followUpsBefore = await snapshot(w.db, 'followups');
    const again = await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-25' });
    expect(again.data.followUps).toEqual({ added: 0, moved: 0, cancelled: 0 });
    expect(again.data.project.history).toHaveLength(1);
    expect(await snapshot(w.db, 'projects')).toEqual(projectsBefore);
    expect(await snapshot(w.db, 'followups')).toEqual(followUpsBefore);
  });

  it('plans the completion visit, the proxy-warranty visit, the missing-form visit and the warranty cadence once completion, final payment and a proxy warranty are recorded', async () => {
    const w = await world('2026-06-20T10:00:00+08:00');
    const completed = await record(w, sm._id, { milestone: 'completed', date: '2026-06-10' });
    // the early-stage window closed on 2026-03-07, long before: stored expired; nine warranty visits over five years
    expect(completed.data.followUps).toEqual({ added: 10, moved: 0, cancelled: 0 });
    expect((await record(w, sm._id, { milestone: 'finalPayment', date: '2026-06-12' })).data.followUps).toEqual({ added: 0, moved: 0, cancelled: 0 });
    const warranty = await record(w, sm._id, { milestone: 'warrantyRegistered', date: '2026-06-15', warrantyBy: 'proxy' });
    expect(warranty.data.followUps).toEqual({ added: 3, moved: 0, cancelled: 0 });
    expect(warranty.data.project.warrantyRegisteredBy).toBe('proxy');
    expect(warranty.data.project.followUps.map((f: { id: string; dueDate: string; windowEnd: string; state: string }) => [f.id, f.dueDate, f.windowEnd, f.state])).toEqual([
      ['p-cuihu--earlyStage', '2026-03-02', '2026-03-07', 'expired'],
      ['p-cuihu--completion', '2026-06-15', '2026-06-25', 'pending'],
      ['p-cuihu--proxyWarranty', '2026-06-15', '2026-06-22', 'pending'],
      ['p-cuihu--missingFeedbackForm', '2026-06-22', '2026-06-29', 'pending'],
      ['p-cuihu--warranty-3', '2026-09-10', '2026-09-25', 'pending'],
      ['p-cuihu--warranty-6', '2026-12-10', '2026-12-25', 'pending'],
      ['p-cuihu--warranty-9', '2027-03-10', '2027-03-25', 'pending'],
      ['p-cuihu--warranty-12', '2027-06-10', '2027-06-25', 'pending'],
      ['p-cuihu--warranty-18', '2027-12-10', '2027-12-25', 'pending'],
      ['p-cuihu--warranty-24', '2028-06-10', '2028-06-25', 'pending'],
      ['p-cuihu--warranty-36', '2029-06-10', '2029-06-25', 'pending'],
      ['p-cuihu--warranty-48', '2030-06-10', '2030-06-25', 'pending'],
      ['p-cuihu--warranty-60', '2031-06-10', '2031-06-25', 'pending'],
    ]);
    expect(warranty.data.project.followUps[0].stateLabel).toBe('录入时已过期');
  });

  it('cancels the pending missing-form follow-up when the feedback form is received', async () => {
    const w = await world('2026-06-20T10:00:00+08:00');
    await record(w, sm._id, { milestone: 'completed', date: '2026-06-10' });
    await record(w, sm._id, { milestone: 'warrantyRegistered', date: '2026-06-15', warrantyBy: 'homeowner' });
    const r = await record(w, sm._id, { milestone: 'feedbackFormReceived', date: '2026-06-18' });
    expect(r.data.followUps).toEqual({ added: 0, moved: 0, cancelled: 1 });
    expect(await followUp(w, 'p-cuihu--missingFeedbackForm')).toMatchObject({ state: 'cancelled', nextActionAt: null });
    expect(r.data.project.followUps.find((f: { kind: string }) => f.kind === 'missingFeedbackForm')).toMatchObject({ state: 'cancelled', stateLabel: '已取消' });
  });

  it('never moves or cancels a follow-up that was already sent to the homeowner', async () => {
    const w = await world();
    await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-25' });
    await w.db.collection('followups').doc('p-binjiang--earlyStage').update({ state: 'sent' });
    const sent = await followUp(w, 'p-binjiang--earlyStage');
    const corrected = await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-02-23', reason: '实际 23 日进场' });
    expect(corrected.data.followUps).toEqual({ added: 0, moved: 0, cancelled: 0 });
    const removed = await record(w, admin._id, { projectId: 'p-binjiang', milestone: 'started', date: null, reason: '录错项目' });
    expect(removed.data.followUps).toEqual({ added: 0, moved: 0, cancelled: 0 });
    expect(await followUp(w, 'p-binjiang--earlyStage')).toEqual(sent);
  });

  it('stores a window that closed more than 30 days ago as expired, and one that closed within 30 days as pending', async () => {
    const w = await world();
    // 2026-01-10: the window 2026-01-20 … 2026-01-25 closed 34 days ago
    await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-01-10' });
    expect(await followUp(w, 'p-binjiang--earlyStage')).toMatchObject({
      state: 'expired', nextActionAt: null, history: [{ event: 'planned' }, { event: 'expired' }],
    });
    // 2026-01-15: the window 2026-01-25 … 2026-01-30 closed 29 days ago, so the dispatcher still owes it
    const r = await record(w, otherSm._id, { projectId: 'p-binjiang', milestone: 'started', date: '2026-01-15', reason: '日期录错' });
    expect(r.data.followUps).toEqual({ added: 0, moved: 1, cancelled: 0 });
    expect(await followUp(w, 'p-binjiang--earlyStage')).toMatchObject({ state: 'pending', dueDate: '2026-01-25', windowEnd: '2026-01-30', nextActionAt: at('2026-01-25T00:00:00+08:00') });
  });

  it('stores an imported project completed two years ago with its past visits expired and only the coming ones pending', async () => {
    const w = await world();
    await record(w, admin._id, { projectId: 'p-binjiang', milestone: 'started', date: '2023-09-01' });
    await record(w, admin._id, { projectId: 'p-binjiang', milestone: 'completed', date: '2024-02-20' });
    const pending = (await followUpsOf(w, 'p-binjiang')).filter((f) => f.state === 'pending').map((f) => [f.key, f.dueDate]);
    // the two-year visit (2026-02-20 … 2026-03-07) is open now; the ones before it are long past
    expect(pending).toEqual([['warranty:24', '2026-02-20'], ['warranty:36', '2027-02-20'], ['warranty:48', '2028-02-20'], ['warranty:60', '2029-02-20']]);
    const expired = (await followUpsOf(w, 'p-binjiang')).filter((f) => f.state === 'expired').map((f) => f.key);
    expect(expired).toEqual(['earlyStage', 'warranty:3', 'warranty:6', 'warranty:9', 'warranty:12', 'warranty:18']);
  });
});

describe('follow-ups after a repair and a complaint', () => {
  it('plans the after-repair follow-up the day after a repair is resolved', async () => {
    const w = await world();
    const created = await w.call(repair, owner._id, {
      action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', photos: [], preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
    });
    const ticketId = created.data.ticket.id as string;
    await w.call(repair, sm._id, { action: 'accept', ticketId });
    await w.call(repair, sm._id, { action: 'arrive', ticketId });
    expect(await followUpsOf(w, 'p-cuihu')).toEqual([]);
    expect(await w.call(repair, sm._id, { action: 'resolve', ticketId, note: '更换了水槽下水管', photos: [w.files.add('local://uploads/cccccccccccccccccccccccc.jpg')] })).toMatchObject({ ok: true });
    const f = await followUp(w, `p-cuihu--afterRepair-${ticketId}`);
    expect(f).toMatchObject({ kind: 'afterRepair', subjectId: ticketId, dueDate: '2026-03-02', windowEnd: '2026-03-05', state: 'pending', purpose: 'serviceVisit' });
    // a reopened repair is not followed up while it is broken; resolving it again brings the visit back
    w.clock.set('2026-03-02T09:00:00+08:00');
    await w.call(repair, owner._id, { action: 'reopen', ticketId, reason: '还在漏水' });
    expect(await followUp(w, f._id)).toMatchObject({ state: 'cancelled' });
    await w.call(repair, sm._id, { action: 'arrive', ticketId });
    await w.call(repair, sm._id, { action: 'resolve', ticketId, note: '重新做了防水', photos: [w.files.add('local://uploads/dddddddddddddddddddddddd.jpg')] });
    expect(await followUp(w, f._id)).toMatchObject({ state: 'pending', dueDate: '2026-03-03', windowEnd: '2026-03-06' });
  });

  it('plans the after-complaint follow-up the day after a resolution is proposed', async () => {
    const w = await world();
    const filed = await w.call(complaint, owner._id, { action: 'file', remedy: '尽快上门处理，给个说法', projectId: 'p-cuihu', category: 'constructionQuality', description: '卫生间墙砖大面积空鼓，敲起来声音发空' });
    const complaintId = filed.data.complaint.id as string;
    expect((await followUpsOf(w, 'p-cuihu')).filter((f) => f.kind === 'afterComplaint')).toEqual([]);
    w.clock.set('2026-03-01T16:00:00+08:00');
    expect(await w.call(complaint, engManager._id, { action: 'propose', complaintId, text: '下周二免费重新铺贴空鼓的墙砖' })).toMatchObject({ ok: true });
    expect(await followUp(w, `p-cuihu--afterComplaint-${complaintId}`)).toMatchObject({
      kind: 'afterComplaint', subjectId: complaintId, dueDate: '2026-03-02', windowEnd: '2026-03-05', state: 'pending',
    });
  });

  it('keeps a resolved repair resolved, and logs the failure, when planning its follow-up fails', async () => {
    const w = await world();
    const created = await w.call(repair, owner._id, {
      action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', photos: [], preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
    });
    const ticketId = created.data.ticket.id as string;
    await w.call(repair, sm._id, { action: 'accept', ticketId });
    await w.call(repair, sm._id, { action: 'arrive', ticketId });
    const errors: string[] = [];
    const broken: Database = {
      ...w.db,
      collection: (name: string) => {
        if (name === 'followups') throw new Error('followups unavailable');
        return w.db.collection(name);
      },
      runTransaction: (work) => w.db.runTransaction(work),
      command: w.db.command,
    };
    const deps: Deps = { ...w.deps, db: broken, log: { info: () => undefined, error: (m) => errors.push(m) } };
    const r = await repair(deps)({ action: 'resolve', ticketId, note: '更换了水槽下水管', photos: [w.files.add('local://uploads/cccccccccccccccccccccccc.jpg')] }, { openid: sm._id });
    expect(r).toMatchObject({ ok: true, data: { ticket: { status: 'resolved' } } });
    expect(errors).toEqual(['follow-up sync failed']);
    expect(await followUpsOf(w, 'p-cuihu')).toEqual([]);
    // the next sync of the project plans what this one missed
    expect(await syncFollowUps(stores(w.db), 'p-cuihu', w.clock.now())).toEqual({ added: 2, moved: 0, cancelled: 0 });
  });
});
