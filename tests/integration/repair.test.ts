import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, otherSm, engManager, designManager, cs, admin } = PEOPLE;

const request = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(repair, owner._id, {
    action: 'create',
    projectId: 'p-cuihu',
    category: 'plumbing',
    description: '厨房水槽下面一直在滴水',
    photos: [w.files.add('local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg')],
    preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
    ...extra,
  });

async function filed(w: World): Promise<string> {
  const r = await request(w);
  expect(r.ok).toBe(true);
  return r.data.ticket.id;
}

describe('repair.create', () => {
  it('files a request for the homeowner’s own project with the promised deadlines', async () => {
    const w = await world();
    const r = await request(w);
    expect(r).toMatchObject({ ok: true });
    const t = r.data.ticket;
    expect(t).toMatchObject({ status: 'submitted', projectName: '翠湖花园 3-1201', category: 'plumbing' });
    expect(t.deadlines.contactBy).toBe(at('2026-03-02T10:00:00+08:00'));
    expect(t.deadlines.onSiteBy).toBe(at('2026-03-01T18:00:00+08:00')); // the afternoon slot ends after the 4 h promise
    expect(t.siteManager).toEqual({ name: '张建国', phone: '13900139001' });
    expect(t.allowed).toEqual(['cancel', 'addInfo']);
  });

  it('answers the same ticket when a submission is retried with the same request id', async () => {
    const w = await world();
    const a = await request(w, { requestId: 'form-123456' });
    const b = await request(w, { requestId: 'form-123456' });
    expect(b.data.ticket.id).toBe(a.data.ticket.id);
    expect(await snapshot(w.db, 'repairs')).toHaveLength(1);
  });

  it('refuses a project that is not the caller’s, and writes nothing', async () => {
    const w = await world();
    const r = await request(w, { projectId: 'p-binjiang' });
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.PROJECT_NOT_FOUND' });
    expect(await snapshot(w.db, 'repairs')).toEqual([]);
  });

  it('names each bad field in Chinese and writes nothing', async () => {
    const w = await world();
    const r = await request(w, { category: 'roof', description: '漏', preferredVisit: { date: 'tomorrow', slot: 'night' } });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(r.fields).toMatchObject({ category: '请选择报修类别', description: '问题描述请至少写 5 个字' });
    expect(Object.keys(r.fields)).toEqual(expect.arrayContaining(['preferredVisit.date', 'preferredVisit.slot']));
    expect(await snapshot(w.db, 'repairs')).toEqual([]);
  });

  it('refuses more than 9 photos', async () => {
    const w = await world();
    const photos = Array.from({ length: 10 }, (_, i) => w.files.add(`local://uploads/${String(i).padStart(24, 'a')}.jpg`));
    expect(await request(w, { photos })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { photos: '最多上传 9 张图片' } });
  });

  it('refuses a photo that was never uploaded, one too large, and one that is not an image', async () => {
    const w = await world();
    expect(await request(w, { photos: ['local://uploads/missing.jpg'] })).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' });
    const big = w.files.add('local://uploads/big.jpg', 'image/jpeg', 11 * 1024 * 1024);
    expect(await request(w, { photos: [big] })).toMatchObject({ ok: false, code: 'FILE.TOO_LARGE' });
    const pdf = w.files.add('local://uploads/doc.pdf', 'application/pdf');
    expect(await request(w, { photos: [pdf] })).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE' });
    expect(await snapshot(w.db, 'repairs')).toEqual([]);
  });

  it('refuses a preferred slot that is already over', async () => {
    const w = await world('2026-03-01T13:00:00+08:00');
    expect(await request(w, { preferredVisit: { date: '2026-03-01', slot: 'morning' } })).toMatchObject({ ok: false, code: 'REPAIR.VISIT_SLOT_PASSED' });
  });

  it('refuses staff, callers without a WeChat identity, and people the product does not know', async () => {
    const w = await world();
    const event = { action: 'create', projectId: 'p-cuihu' };
    expect(await w.call(repair, sm._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(repair, null, event)).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    expect(await w.call(repair, 'stranger', event)).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
  });

  it('ignores an identity claimed in the event', async () => {
    const w = await world();
    const r = await w.call(repair, otherOwner._id, { action: 'mine', openid: owner._id, userId: owner._id });
    expect(r).toMatchObject({ ok: true });
    await filed(w);
    const again = await w.call(repair, otherOwner._id, { action: 'mine', openid: owner._id });
    expect(again.data.tickets).toEqual([]);
  });

  it('answers an unknown action and a missing action with a clear error', async () => {
    const w = await world();
    expect(await w.call(repair, owner._id, { action: 'delete' })).toMatchObject({ ok: false, code: 'REQUEST.UNKNOWN_ACTION' });
    expect(await w.call(repair, owner._id, 'nonsense')).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
  });
});

describe('repair.mine, get and queue', () => {
  it('lists the homeowner’s own tickets, newest first', async () => {
    const w = await world();
    await filed(w);
    w.clock.advanceHours(1);
    await request(w, { category: 'tiling', description: '卫生间地砖空鼓两块' });
    const r = await w.call(repair, owner._id, { action: 'mine' });
    expect(r.data.tickets.map((t: { category: string }) => t.category)).toEqual(['tiling', 'plumbing']);
  });

  it('shows a ticket to its homeowner, its site manager, the owning department, customer service and admins only', async () => {
    const w = await world();
    const id = await filed(w);
    for (const who of [owner, sm, engManager, cs, admin]) {
      expect(await w.call(repair, who._id, { action: 'get', ticketId: id })).toMatchObject({ ok: true });
    }
    for (const who of [otherOwner, otherSm, designManager]) {
      expect(await w.call(repair, who._id, { action: 'get', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    }
  });

  it('shows the homeowner’s phone in full only to the assigned site manager, and logs every staff read', async () => {
    const w = await world();
    const id = await filed(w);
    const bySm = await w.call(repair, sm._id, { action: 'get', ticketId: id });
    const byCs = await w.call(repair, cs._id, { action: 'get', ticketId: id });
    expect(bySm.data.ticket.homeowner.phone).toBe('13800138001');
    expect(byCs.data.ticket.homeowner.phone).toBe('138****8001');
    const log = (await w.db.collection('auditLog').where({ subjectId: owner._id }).limit(10).get()).data;
    expect(log.map((e) => e.viewerId).sort()).toEqual([cs._id, sm._id].sort());
    expect(log.find((e) => e.viewerId === sm._id)).toMatchObject({ fields: ['name', 'phone', 'address'], record: `repairs/${id}` });
  });

  it('queues a site manager’s open tickets by the deadline nearest first', async () => {
    const w = await world();
    const tiling = (await request(w, { category: 'tiling', description: '卫生间地砖空鼓两块', preferredVisit: { date: '2026-03-01', slot: 'morning' } })).data.ticket.id;
    w.clock.advanceHours(1);
    const water = (await request(w, { preferredVisit: { date: '2026-03-01', slot: 'morning' } })).data.ticket.id;
    const q = await w.call(repair, sm._id, { action: 'queue' });
    expect(q.data.tickets.map((t: { id: string }) => t.id)).toEqual([water, tiling]);
    expect((await w.call(repair, otherSm._id, { action: 'queue' })).data.tickets).toEqual([]);
  });
});

describe('working a ticket', () => {
  it('runs the whole loop: accept, schedule, arrive, resolve, confirm, rate', async () => {
    const w = await world();
    const id = await filed(w);
    const step = (who: string, event: Record<string, unknown>) => w.call(repair, who, { ticketId: id, ...event });
    expect((await step(sm._id, { action: 'accept' })).data.ticket.allowed).toEqual(['schedule', 'arrive']);
    await step(sm._id, { action: 'schedule', visitAt: at('2026-03-01T13:00:00+08:00') });
    w.clock.set('2026-03-01T13:05:00+08:00');
    await step(sm._id, { action: 'arrive' });
    const photo = w.files.add('local://uploads/bbbbbbbbbbbbbbbbbbbbbbbb.png', 'image/png');
    const resolved = await step(sm._id, { action: 'resolve', note: '更换了水槽下水管', photos: [photo] });
    expect(resolved.data.ticket).toMatchObject({ status: 'resolved', resolution: { note: '更换了水槽下水管', photos: [photo] } });
    expect((await w.call(repair, owner._id, { action: 'get', ticketId: id })).data.ticket.allowed).toEqual(['confirm', 'reopen']);
    await step(owner._id, { action: 'confirm' });
    const rated = await step(owner._id, { action: 'rate', score: 5, contactedWithin24h: true, timeAgreed: true, planAgreed: true, satisfied: true, comment: '师傅很专业' });
    expect(rated.data.ticket.rating).toMatchObject({ score: 5, comment: '师傅很专业' });
    expect(rated.data.ticket.history.map((e: { label: string }) => e.label)).toEqual([
      '提交报修', '项目经理已接单', '已约定上门时间', '师傅到达现场', '维修完成', '业主确认修好', '业主已评价',
    ]);
    expect(rated.data.ticket.history[1].byName).toBe('张建国');
  });

  it('lets only the assigned site manager work the ticket, and writes nothing otherwise', async () => {
    const w = await world();
    const id = await filed(w);
    const before = await snapshot(w.db, 'repairs');
    expect(await w.call(repair, otherSm._id, { action: 'accept', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, owner._id, { action: 'accept', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
  });

  it('a repair is resolved only with at least one photo and a note: otherwise refused, naming both, and nothing is written', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    await w.call(repair, sm._id, { action: 'arrive', ticketId: id });
    const before = await snapshot(w.db, 'repairs');
    const noPhoto = await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '更换了角阀' });
    expect(noPhoto).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { photos: '请至少上传 1 张维修后的照片' } });
    const photo = w.files.add('local://uploads/eeeeeeeeeeeeeeeeeeeeeeee.jpg');
    const noNote = await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '  ', photos: [photo] });
    expect(noNote).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { note: expect.stringContaining('维修说明') } });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
    expect(await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '更换了角阀', photos: [photo] })).toMatchObject({
      ok: true, data: { ticket: { status: 'resolved', resolution: { note: '更换了角阀', photos: [photo] } } },
    });
  });

  it('lets only the homeowner confirm or reopen', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    await w.call(repair, sm._id, { action: 'arrive', ticketId: id });
    await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '已修好', photos: [w.files.add('local://uploads/cccccccccccccccccccccccc.jpg')] });
    expect(await w.call(repair, otherOwner._id, { action: 'confirm', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, admin._id, { action: 'confirm', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const reopened = await w.call(repair, owner._id, { action: 'reopen', ticketId: id, reason: '还在漏水' });
    expect(reopened.data.ticket).toMatchObject({ status: 'reopened', reopenCount: 1 });
  });

  it('refuses a step out of order and leaves the ticket as it was', async () => {
    const w = await world();
    const id = await filed(w);
    const before = await snapshot(w.db, 'repairs');
    expect(await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '已修好', photos: [w.files.add('local://uploads/cccccccccccccccccccccccc.jpg')] })).toMatchObject({ ok: false, code: 'REPAIR.WRONG_STATUS' });
    expect(await w.call(repair, owner._id, { action: 'rate', ticketId: id, score: 9 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await w.call(repair, sm._id, { action: 'accept', ticketId: 'nope' })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
  });

  it('lets two concurrent accepts of the same ticket succeed once', async () => {
    const w = await world();
    const id = await filed(w);
    const both = await Promise.all([1, 2].map(() => w.call(repair, sm._id, { action: 'accept', ticketId: id })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: 'REPAIR.WRONG_STATUS' });
  });
});

describe('overdue tickets', () => {
  it('marks a water ticket overdue after 4 hours and shows it to its department manager only', async () => {
    const w = await world();
    const id = (await request(w, { preferredVisit: { date: '2026-03-01', slot: 'morning' } })).data.ticket.id;
    w.clock.set('2026-03-01T13:59:00+08:00');
    expect((await w.call(repair, engManager._id, { action: 'overdue' })).data.tickets).toEqual([]);
    w.clock.set('2026-03-01T14:01:00+08:00');
    const r = await w.call(repair, engManager._id, { action: 'overdue' });
    expect(r.data.tickets).toMatchObject([{ id, overdue: ['onSite'], siteManagerName: '张建国' }]);
    expect((await w.call(repair, designManager._id, { action: 'overdue' })).data.tickets).toEqual([]);
    expect((await w.call(repair, admin._id, { action: 'overdue' })).data.tickets).toHaveLength(1);
    expect(await w.call(repair, owner._id, { action: 'overdue' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('uses the hours an admin set in settings', async () => {
    const w = await world();
    await w.db.collection('settings').doc('repair').set({ onSiteWithinHours: { plumbing: 2 } });
    const r = await request(w, { preferredVisit: { date: '2026-03-01', slot: 'morning' } });
    expect(r.data.ticket.deadlines).toMatchObject({ onSiteBy: at('2026-03-01T12:00:00+08:00'), onSiteHours: 2 });
    const cats = await w.call(repair, owner._id, { action: 'categories' });
    expect(cats.data.categories.find((c: { id: string }) => c.id === 'plumbing')).toMatchObject({ onSiteHours: 2 });
  });
});
