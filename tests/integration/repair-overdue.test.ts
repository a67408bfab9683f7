import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, otherSm, engManager, designManager, cs, admin } = PEOPLE;

/** 李女士 files a water repair at 2026-03-01 10:00 China time for that afternoon: on site by 18:00 (the end of the slot she chose). */
async function filed(w: World): Promise<string> {
  const r = await w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水',
    photos: [w.files.add('local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg')], preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
  });
  expect(r.ok).toBe(true);
  return r.data.ticket.id;
}
const stored = async (w: World, id: string) => (await w.db.collection('repairs').doc(id).get()).data[0] as any;
const touched = async (w: World) => Promise.all(['repairs', 'notices'].map((c) => snapshot(w.db, c)));

describe('a department manager reassigns an overdue repair', () => {
  it('gives the ticket to another site manager, who is told and finds it in their queue; the deadlines stay as promised', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = await filed(w);
    w.clock.set('2026-03-01T15:00:00+08:00');
    expect((await w.call(repair, engManager._id, { action: 'siteManagers', ticketId: id })).data.siteManagers).toEqual([{ id: otherSm._id, name: '陈立新' }]);
    expect(await w.call(repair, designManager._id, { action: 'siteManagers', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, sm._id, { action: 'siteManagers', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const r = await w.call(repair, engManager._id, { action: 'reassign', ticketId: id, siteManagerId: otherSm._id, note: '张建国今天在外地' });
    expect(r).toMatchObject({ ok: true, data: { ticket: { id, status: 'submitted' } } });
    const t = await stored(w, id);
    expect(t).toMatchObject({ siteManagerId: otherSm._id, deadlines: { onSiteBy: at('2026-03-01T18:00:00+08:00') } });
    expect(t.history.at(-1)).toEqual({ type: 'reassign', at: at('2026-03-01T15:00:00+08:00'), by: engManager._id, role: 'deptManager', status: 'submitted', note: '改派给陈立新：张建国今天在外地' });
    const notices = (await snapshot(w.db, 'notices')) as { to: string; kind: string }[];
    // 张建国 was told when it was filed; 陈立新 now, when it became his
    expect(notices.filter((n) => n.kind === 'repair.assigned').map((n) => n.to).sort()).toEqual([otherSm._id, sm._id].sort());
    expect((await w.call(repair, otherSm._id, { action: 'queue' })).data.tickets.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await w.call(repair, sm._id, { action: 'queue' })).data.tickets).toEqual([]);
  });

  it('is refused to other roles and other departments, and to someone who is not a site manager, writing nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = await filed(w);
    const before = await touched(w);
    const event = { action: 'reassign', ticketId: id, siteManagerId: otherSm._id };
    for (const who of [owner, sm, cs]) expect(await w.call(repair, who._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(repair, designManager._id, event)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, engManager._id, { ...event, siteManagerId: cs._id })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { siteManagerId: '请选择一位项目经理' } });
    expect(await w.call(repair, engManager._id, { ...event, siteManagerId: sm._id })).toMatchObject({ ok: false, fields: { siteManagerId: '已经是这位项目经理负责，请选择另一位' } });
    expect(await touched(w)).toEqual(before);
    expect(await w.call(repair, admin._id, event)).toMatchObject({ ok: true });
  });
});

describe('a department manager nudges the site manager of an overdue repair', () => {
  it('tells the site manager once a day, only once the promise has passed', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = await filed(w);
    w.clock.set('2026-03-01T17:59:00+08:00');
    expect(await w.call(repair, engManager._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_OVERDUE' });

    w.clock.set('2026-03-01T19:00:00+08:00');
    expect(await w.call(repair, engManager._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: true });
    const urged = ((await snapshot(w.db, 'notices')) as { to: string; kind: string }[]).filter((n) => n.kind === 'repair.urged');
    expect(urged.map((n) => n.to)).toEqual([sm._id]);

    const before = await touched(w);
    w.clock.set('2026-03-01T23:59:00+08:00');
    expect(await w.call(repair, engManager._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NUDGED_TODAY' });
    for (const who of [owner, sm, cs]) expect(await w.call(repair, who._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(repair, designManager._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await touched(w)).toEqual(before);

    w.clock.set('2026-03-02T09:00:00+08:00');
    expect(await w.call(repair, engManager._id, { action: 'nudge', ticketId: id })).toMatchObject({ ok: true });
    expect((await stored(w, id)).history.filter((e: { type: string }) => e.type === 'nudge').map((e: { at: number }) => e.at)).toEqual([
      at('2026-03-01T19:00:00+08:00'), at('2026-03-02T09:00:00+08:00'),
    ]);
  });
});

describe('the managers who chase a late repair', () => {
  const { gm } = PEOPLE;
  const phoneSeenBy = async (w: World, id: string, who: { _id: string }) => (await w.call(repair, who._id, { action: 'get', ticketId: id })).data?.ticket.homeowner.phone;

  it("the department manager sees the homeowner's full number only once a promise is missed, to call her; other departments never", async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = await filed(w);
    // 10:00: nothing is late yet, so the number stays masked for him
    expect(await phoneSeenBy(w, id, engManager)).not.toBe(owner.phone);
    // 10:01 the next day: the contact promise (24 h) has passed
    w.clock.set('2026-03-02T10:01:00+08:00');
    expect(await phoneSeenBy(w, id, engManager)).toBe(owner.phone);
    expect(await w.call(repair, designManager._id, { action: 'get', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    // the read of the number is written down, naming the phone
    const reads = ((await snapshot(w.db, 'auditLog')) as { viewerId: string; fields: string[]; at: number }[]).filter((e) => e.viewerId === engManager._id);
    expect(reads.sort((a, b) => a.at - b.at).map((e) => e.fields)).toEqual([['name', 'address'], ['name', 'phone', 'address']]);
  });

  it("the general manager's overdue list holds every department's late tickets, and he may open them", async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = await filed(w);
    w.clock.set('2026-03-02T10:01:00+08:00');
    expect((await w.call(repair, gm._id, { action: 'overdue' })).data.tickets.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await w.call(repair, designManager._id, { action: 'overdue' })).data.tickets).toEqual([]);
    expect(await phoneSeenBy(w, id, gm)).toBe(owner.phone);
  });
});
