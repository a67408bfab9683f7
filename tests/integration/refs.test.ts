import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFileStorage } from '../../host/files';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import type { Deps } from '../../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../../host/db';
import { seedDemoData } from '../../host/demo';
import { outboxMessenger, smsOutbox } from '../../host/outbox';
import { PEOPLE, snapshot, world, type World } from './harness';

const { owner, otherOwner, sm, otherSm, engManager, designManager, cs, admin } = PEOPLE;

const request = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水',
    preferredVisit: { date: '2026-03-02', slot: 'afternoon' }, ...extra,
  });

const file = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(complaint, owner._id, {
    action: 'file', projectId: 'p-cuihu', category: 'constructionQuality', description: '卫生间墙砖大面积空鼓，敲起来声音发空',
    remedy: '重新铺贴', ...extra,
  });

const stored = async (w: World, collection: string, id: string) => (await w.db.collection(collection).doc(id).get()).data[0] as any;

describe('reference numbers', () => {
  it('a repair is numbered BX-<CST date>-0001, the next that day 0002, and the first of the next CST day 0001 again', async () => {
    // 23:50 and 00:10 China time are 15:50 and 16:10 UTC on the same UTC day
    const w = await world('2026-03-01T23:50:00+08:00');
    const first = await request(w);
    const second = await request(w);
    w.clock.set('2026-03-02T00:10:00+08:00');
    const third = await request(w, { preferredVisit: { date: '2026-03-02', slot: 'afternoon' } });
    expect([first, second, third].map((r) => r.data.ticket.ref)).toEqual(['BX-20260301-0001', 'BX-20260301-0002', 'BX-20260302-0001']);
    expect(await stored(w, 'repairs', first.data.ticket.id)).toMatchObject({ ref: 'BX-20260301-0001' });
    expect(await stored(w, 'counters', 'BX-20260301')).toMatchObject({ last: 2 });
  });

  it('complaints are numbered TS-… on their own counter, whatever repairs were made that day', async () => {
    const w = await world();
    await request(w);
    const c = await file(w);
    expect(c.data.complaint.ref).toBe('TS-20260301-0001');
    expect(await stored(w, 'complaints', c.data.complaint.id)).toMatchObject({ ref: 'TS-20260301-0001' });
  });

  it('records created at the same moment get distinct numbers, with none skipped', async () => {
    const w = await world();
    const made = await Promise.all([
      ...Array.from({ length: 8 }, () => request(w)),
      ...Array.from({ length: 8 }, (_, i) => file(w, { category: i % 2 ? 'design' : 'materials' })),
    ]);
    expect(made.every((r) => r.ok)).toBe(true);
    const repairRefs = made.slice(0, 8).map((r) => r.data.ticket.ref).sort();
    const complaintRefs = made.slice(8).map((r) => r.data.complaint.ref).sort();
    expect(repairRefs).toEqual(Array.from({ length: 8 }, (_, i) => `BX-20260301-000${i + 1}`));
    expect(complaintRefs).toEqual(Array.from({ length: 8 }, (_, i) => `TS-20260301-000${i + 1}`));
    expect(await stored(w, 'counters', 'BX-20260301')).toMatchObject({ last: 8 });
  });

  it('a retried create keeps the reference it got the first time and uses up no number', async () => {
    const w = await world();
    const [a, b] = await Promise.all([request(w, { requestId: 'form-123456' }), request(w, { requestId: 'form-123456' })]);
    const again = await request(w, { requestId: 'form-123456' });
    expect(new Set([a.data.ticket.ref, b.data.ticket.ref, again.data.ticket.ref])).toEqual(new Set(['BX-20260301-0001']));
    expect((await request(w)).data.ticket.ref).toBe('BX-20260301-0002');
    const c1 = await file(w, { requestId: 'complaint-form-1' });
    const c2 = await file(w, { requestId: 'complaint-form-1' });
    expect(c2.data.complaint.ref).toBe(c1.data.complaint.ref);
    expect(await stored(w, 'counters', 'TS-20260301')).toMatchObject({ last: 1 });
  });

  it('a create that is refused uses up no number', async () => {
    const w = await world();
    expect(await request(w, { projectId: 'p-binjiang' })).toMatchObject({ ok: false });
    expect(await file(w, { remedy: '' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await snapshot(w.db, 'counters')).toEqual([]);
  });

  it('the reference is in every view of a repair: the homeowner’s list and page, the site manager’s queue and page, the overdue list', async () => {
    const w = await world();
    const id = (await request(w)).data.ticket.id;
    const ref = 'BX-20260301-0001';
    expect((await w.call(repair, owner._id, { action: 'mine' })).data.tickets[0].ref).toBe(ref);
    expect((await w.call(repair, owner._id, { action: 'get', ticketId: id })).data.ticket.ref).toBe(ref);
    expect((await w.call(repair, sm._id, { action: 'queue' })).data.tickets[0].ref).toBe(ref);
    expect((await w.call(repair, sm._id, { action: 'get', ticketId: id })).data.ticket.ref).toBe(ref);
    w.clock.advanceHours(30);
    expect((await w.call(repair, engManager._id, { action: 'overdue' })).data.tickets[0].ref).toBe(ref);
  });

  it('the reference is in every view of a complaint: the homeowner’s list and page, the department queue, the handler’s list', async () => {
    const w = await world();
    const id = (await file(w)).data.complaint.id;
    const ref = 'TS-20260301-0001';
    expect((await w.call(complaint, owner._id, { action: 'mine' })).data.complaints[0].ref).toBe(ref);
    expect((await w.call(complaint, owner._id, { action: 'get', complaintId: id })).data.complaint.ref).toBe(ref);
    expect((await w.call(complaint, engManager._id, { action: 'queue' })).data.complaints[0].ref).toBe(ref);
    expect((await w.call(complaint, engManager._id, { action: 'assigned' })).data.complaints[0].ref).toBe(ref);
    expect((await w.call(complaint, cs._id, { action: 'get', complaintId: id })).data.complaint.ref).toBe(ref);
  });
});

describe('finding a record by its reference', () => {
  it('staff who may read a repair find it by its reference however it is typed', async () => {
    const w = await world();
    const id = (await request(w)).data.ticket.id;
    for (const who of [sm, engManager, cs, admin]) {
      const r = await w.call(repair, who._id, { action: 'byRef', ref: 'bx 20260301 1' });
      expect(r.data.tickets.map((t: { id: string }) => t.id)).toEqual([id]);
    }
  });

  it('staff who may not read it find nothing, homeowners cannot search, and a malformed reference is refused in Chinese', async () => {
    const w = await world();
    await request(w);
    expect((await w.call(repair, otherSm._id, { action: 'byRef', ref: 'BX-20260301-0001' })).data.tickets).toEqual([]);
    expect((await w.call(repair, designManager._id, { action: 'byRef', ref: 'BX-20260301-0001' })).data.tickets).toEqual([]);
    expect(await w.call(repair, owner._id, { action: 'byRef', ref: 'BX-20260301-0001' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const bad = await w.call(repair, sm._id, { action: 'byRef', ref: 'TS-20260301-0001' });
    expect(bad).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { ref: '请核对报修单编号' } });
  });

  it('staff find a complaint by its reference; a department it never reached finds nothing; homeowners cannot search', async () => {
    const w = await world();
    const id = (await file(w)).data.complaint.id;
    for (const who of [engManager, cs, admin]) {
      expect((await w.call(complaint, who._id, { action: 'byRef', ref: 'ts-20260301-0001' })).data.complaints.map((c: { id: string }) => c.id)).toEqual([id]);
    }
    expect((await w.call(complaint, designManager._id, { action: 'byRef', ref: 'TS-20260301-0001' })).data.complaints).toEqual([]);
    expect(await w.call(complaint, owner._id, { action: 'byRef', ref: 'TS-20260301-0001' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, otherOwner._id, { action: 'byRef', ref: 'TS-20260301-0001' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(complaint, cs._id, { action: 'byRef', ref: 'BX-20260301-0001' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
  });
});

describe('records made before references existed', () => {
  it('still read, with a null reference in every view, and no handler, acknowledgement or evidence', async () => {
    const w = await world();
    const t = (await request(w)).data.ticket.id;
    const c = (await file(w)).data.complaint.id;
    // as stored by an earlier version: none of the new fields
    const oldTicket = { ...(await stored(w, 'repairs', t)) };
    delete oldTicket.ref;
    delete oldTicket._id;
    await w.db.collection('repairs').doc(t).set(oldTicket);
    const oldComplaint = { ...(await stored(w, 'complaints', c)) };
    for (const field of ['_id', 'ref', 'remedy', 'handlerId', 'acknowledgement', 'evidence', 'finding', 'legalLiability']) delete oldComplaint[field];
    await w.db.collection('complaints').doc(c).set(oldComplaint);

    expect((await w.call(repair, owner._id, { action: 'get', ticketId: t })).data.ticket.ref).toBeNull();
    expect((await w.call(repair, sm._id, { action: 'queue' })).data.tickets[0].ref).toBeNull();
    const view = (await w.call(complaint, owner._id, { action: 'get', complaintId: c })).data.complaint;
    expect(view).toMatchObject({ ref: null, remedy: null, handler: null, handlerLabel: '工程部', acknowledgement: null, evidence: [], finding: null });
    expect((await w.call(complaint, engManager._id, { action: 'queue' })).data.complaints[0]).toMatchObject({ ref: null, handlerLabel: '工程部' });
    // working it names a handler from then on
    const noted = await w.call(complaint, engManager._id, { action: 'note', complaintId: c, text: '已联系业主' });
    expect(noted.data.complaint.handler).toMatchObject({ name: '刘经理' });
  });
});

describe('the demo data', () => {
  it('has references on its tickets and complaint, acknowledged, and the next record of the day follows them', async () => {
    const db = openEmbeddedDatabase(':memory:');
    const now = new Date('2026-11-29T21:00:00+08:00').getTime();
    const clock = { now: () => now };
    const files = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-refs-')));
    await seedDemoData(db, now, files);
    const deps: Deps = { db, clock, files, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
    const as = (openid: string, event: unknown): Promise<any> => complaint(deps)(event, { openid });
    const demo = await as('demo-homeowner-li', { action: 'get', complaintId: 'demo-complaint-site' });
    expect(demo.ok && demo.data.complaint).toMatchObject({ ref: 'TS-20261129-0001', handler: { name: '刘经理' }, remedy: expect.any(String) });
    const notice = (await db.collection('notices').doc('complaint.received:demo-complaint-site').get()).data[0];
    expect(notice).toMatchObject({ to: 'demo-homeowner-li', ref: 'TS-20261129-0001' });
    const late: any = await repair(deps)({ action: 'get', ticketId: 'demo-repair-late' }, { openid: 'demo-sm-zhang' });
    expect(late.ok && late.data.ticket.ref).toBe('BX-20261128-0001');
    const filed = await as('demo-homeowner-li', {
      action: 'file', projectId: 'demo-project-cuihu', category: 'design', description: '厨房插座位置和图纸不一致', remedy: '按图纸改',
    });
    expect(filed.ok && filed.data.complaint.ref).toBe('TS-20261129-0002');
    db.close();
  });
});
