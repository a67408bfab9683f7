import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, engManager, designManager, cs, csManager, gm, admin } = PEOPLE;

const file = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(complaint, owner._id, {
    action: 'file', projectId: 'p-cuihu', category: 'constructionQuality', description: '卫生间墙砖大面积空鼓，敲起来声音发空', remedy: '重新铺贴，给个说法', ...extra,
  });

async function filed(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await file(w, extra);
  expect(r.ok).toBe(true);
  return r.data.complaint.id;
}

describe('complaint intake', () => {
  it('routes a homeowner’s complaint to the responsible department with a reply due in 24 hours', async () => {
    const w = await world();
    const r = await file(w, { staffRole: 'designer', category: 'design' });
    expect(r.data.complaint).toMatchObject({
      status: 'forwarded', department: 'design', departmentLabel: '设计部', replyBy: at('2026-03-02T10:00:00+08:00'),
      staff: { role: 'designer', name: '孙设计师' }, channel: 'miniProgram', priority: 'normal',
    });
    expect(r.data.complaint.ladder.map((l: { department: string; state: string }) => [l.department, l.state])).toEqual([
      ['design', 'current'], ['customerService', 'upcoming'], ['management', 'upcoming'],
    ]);
    const queue = await w.call(complaint, designManager._id, { action: 'queue' });
    expect(queue.data.complaints.map((c: { id: string }) => c.id)).toEqual([r.data.complaint.id]);
    expect((await w.call(complaint, engManager._id, { action: 'queue' })).data.complaints).toEqual([]);
  });

  it('logs a phone complaint with the customer-service agent as its first owner', async () => {
    const w = await world();
    const r = await w.call(complaint, cs._id, { action: 'logPhone', remedy: '尽快上门处理，给个说法', projectId: 'p-cuihu', category: 'serviceAttitude', description: '工人说话不客气，还在屋里抽烟', callerSaid: '我很生气' });
    expect(r.data.complaint).toMatchObject({ channel: 'phone', firstOwnerName: '徐客服', department: 'customerService' });
    expect(r.data.complaint.description).toContain('我很生气');
    const mine = await w.call(complaint, owner._id, { action: 'mine' });
    expect(mine.data.complaints).toHaveLength(1);
  });

  it('marks the same topic from the same homeowner within 30 days as a repeat with priority', async () => {
    const w = await world();
    const first = await filed(w);
    w.clock.set('2026-03-20T10:00:00+08:00');
    const again = await w.call(complaint, cs._id, { action: 'logPhone', remedy: '尽快上门处理，给个说法', projectId: 'p-cuihu', category: 'constructionQuality', description: '墙砖空鼓还是没人来处理' });
    expect(again.data.complaint).toMatchObject({ repeatOf: first, isRepeat: true, priority: 'high' });
    w.clock.set('2026-05-01T10:00:00+08:00');
    expect((await file(w)).data.complaint).toMatchObject({ repeatOf: null, priority: 'normal' });
  });

  it('answers a retried submission with the complaint it made the first time', async () => {
    const w = await world();
    const a = await file(w, { requestId: 'complaint-form-1' });
    const b = await file(w, { requestId: 'complaint-form-1' });
    expect(b.data.complaint.id).toBe(a.data.complaint.id);
    expect(await snapshot(w.db, 'complaints')).toHaveLength(1);
  });

  it('refuses bad input and another homeowner’s project, writing nothing', async () => {
    const w = await world();
    expect(await file(w, { category: 'weather', description: '差' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { category: '请选择投诉类别', description: '投诉内容请至少写 5 个字' } });
    expect(await file(w, { projectId: 'p-binjiang' })).toMatchObject({ ok: false, code: 'COMPLAINT.PROJECT_NOT_FOUND' });
    expect(await w.call(complaint, sm._id, { action: 'file', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, owner._id, { action: 'logPhone', remedy: '尽快上门处理，给个说法', projectId: 'p-cuihu', category: 'design', description: '设计图有问题' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'complaints')).toEqual([]);
  });
});

describe('who sees a complaint', () => {
  it('shows it to its homeowner, the departments that handled it, customer service and admins only', async () => {
    const w = await world();
    const id = await filed(w);
    for (const who of [owner, engManager, cs, admin]) expect(await w.call(complaint, who._id, { action: 'get', complaintId: id })).toMatchObject({ ok: true });
    for (const who of [otherOwner, designManager, gm]) expect(await w.call(complaint, who._id, { action: 'get', complaintId: id })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(await w.call(complaint, sm._id, { action: 'get', complaintId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('shows the homeowner’s full phone only to whoever answers now', async () => {
    const w = await world();
    const id = await filed(w);
    expect((await w.call(complaint, engManager._id, { action: 'get', complaintId: id })).data.complaint.homeowner.phone).toBe('13800138001');
    expect((await w.call(complaint, cs._id, { action: 'get', complaintId: id })).data.complaint.homeowner.phone).toBe('138****8001');
  });
});

describe('the resolution loop', () => {
  it('goes department → rejected → customer-service review → rejected → general manager → accepted', async () => {
    const w = await world();
    const id = await filed(w);
    const act = (who: string, event: Record<string, unknown>) => w.call(complaint, who, { complaintId: id, ...event });
    expect((await act(engManager._id, { action: 'propose', text: '下周二免费重新铺贴空鼓的墙砖' })).data.complaint.status).toBe('proposed');
    w.clock.set('2026-03-02T09:00:00+08:00');
    const rejected = await act(owner._id, { action: 'reject', reason: '只修空鼓的几块不行，整面墙都要重做' });
    expect(rejected.data.complaint).toMatchObject({ level: 1, department: 'customerService', status: 'forwarded', replyBy: at('2026-03-03T09:00:00+08:00') });
    expect(await act(engManager._id, { action: 'propose', text: '工程部再提一个方案' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await w.call(complaint, csManager._id, { action: 'queue' })).data.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    await act(csManager._id, { action: 'propose', text: '整面墙重新铺贴，工期 3 天' });
    await act(owner._id, { action: 'reject', reason: '还要赔偿误工费' });
    const atTop = await w.call(complaint, gm._id, { action: 'get', complaintId: id });
    expect(atTop.data.complaint).toMatchObject({ level: 2, department: 'management' });
    expect(atTop.data.complaint.allowed).toEqual(expect.arrayContaining(['propose', 'promise', 'note']));
    await act(gm._id, { action: 'propose', text: '整面墙重新铺贴，并减免尾款 1000 元' });
    const closed = await act(owner._id, { action: 'accept' });
    expect(closed.data.complaint).toMatchObject({ status: 'closed', closedAt: at('2026-03-02T09:00:00+08:00') });
    expect(closed.data.complaint.history.map((e: { type: string }) => e.type)).toEqual([
      'received', 'forwarded', 'proposed', 'rejected', 'escalated', 'assigned', 'proposed', 'rejected', 'escalated', 'assigned', 'proposed', 'accepted',
    ]);
  });

  it('makes a promised reply time the deadline the homeowner sees', async () => {
    const w = await world();
    const id = await filed(w);
    const r = await w.call(complaint, engManager._id, { action: 'promise', complaintId: id, replyAt: at('2026-03-04T17:00:00+08:00'), text: '需要请瓷砖厂家来检测' });
    expect(r.data.complaint).toMatchObject({ status: 'investigating', promisedReplyAt: at('2026-03-04T17:00:00+08:00'), nextDeadlineAt: at('2026-03-04T17:00:00+08:00') });
    const seen = await w.call(complaint, owner._id, { action: 'get', complaintId: id });
    expect(seen.data.complaint.nextDeadlineAt).toBe(at('2026-03-04T17:00:00+08:00'));
  });

  it('lets customer service re-route a complaint sent to the wrong department', async () => {
    const w = await world();
    const id = await filed(w);
    const r = await w.call(complaint, cs._id, { action: 'forward', complaintId: id, department: 'materials', reason: '是瓷砖本身的质量问题' });
    expect(r.data.complaint).toMatchObject({ department: 'materials', status: 'forwarded' });
  });

  it('lets only the homeowner accept or reject, and nobody else work a level that is not theirs', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(complaint, engManager._id, { action: 'propose', complaintId: id, text: '下周二免费重新铺贴' });
    const before = await snapshot(w.db, 'complaints');
    expect(await w.call(complaint, cs._id, { action: 'accept', complaintId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, otherOwner._id, { action: 'reject', complaintId: id, reason: '不行不行' })).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    expect(await w.call(complaint, owner._id, { action: 'propose', complaintId: id, text: '我自己来提方案' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, owner._id, { action: 'reject', complaintId: id, reason: '' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await snapshot(w.db, 'complaints')).toEqual(before);
  });
});

describe('complaint privacy and retries', () => {
  it('keeps the reason for re-routing between departments from the homeowner', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(complaint, cs._id, { action: 'forward', complaintId: id, department: 'materials', reason: '工程部认为是瓷砖质量问题' });
    const seenByOwner = (await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint.history;
    const seenByCs = (await w.call(complaint, cs._id, { action: 'get', complaintId: id })).data.complaint.history;
    const forwarded = (h: { type: string }[]) => h.filter((e) => e.type === 'forwarded').pop();
    expect(forwarded(seenByOwner)).not.toHaveProperty('note');
    expect(forwarded(seenByCs)).toMatchObject({ note: '工程部认为是瓷砖质量问题' });
  });

  it('answers a retried phone log with the complaint it made the first time', async () => {
    const w = await world();
    const log = () => w.call(complaint, cs._id, { action: 'logPhone', remedy: '尽快上门处理，给个说法', requestId: 'phone-form-77', projectId: 'p-cuihu', category: 'schedule', description: '工期已经拖了两周' });
    expect((await log()).data.complaint.id).toBe((await log()).data.complaint.id);
    expect(await snapshot(w.db, 'complaints')).toHaveLength(1);
  });
});
