import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const { owner, otherOwner, sm, otherSm, engManager, cs, admin } = PEOPLE;

async function filed(w: World): Promise<string> {
  const r = await w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'electrical', description: '卫生间插座一用就跳闸',
    photos: [], preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
  });
  expect(r).toMatchObject({ ok: true });
  return r.data.ticket.id;
}

const notices = async (w: World) => (await snapshot(w.db, 'notices')) as any[];

describe('a homeowner cancels a repair request not yet accepted', () => {
  it('the homeowner cancels her own request before acceptance: it is cancelled, no deadline is left to escalate, the site manager is told once', async () => {
    const w = await world();
    const id = await filed(w);
    const r = await w.call(repair, owner._id, { action: 'cancel', ticketId: id, reason: '自己找物业修好了' });
    expect(r).toMatchObject({ ok: true, data: { ticket: { status: 'cancelled', statusLabel: '已取消', nextDeadlineAt: null, allowed: [] } } });
    expect(r.data.ticket.history.at(-1)).toMatchObject({ type: 'cancel', label: '业主取消了报修', byName: '李女士', note: '自己找物业修好了' });
    const stored = (await w.db.collection('repairs').doc(id).get()).data[0] as any;
    expect(stored).toMatchObject({ status: 'cancelled', nextDeadlineAt: null, escalateAt: null });
    expect((await w.call(repair, sm._id, { action: 'queue' })).data.tickets).toEqual([]);
    expect(await notices(w)).toEqual([expect.objectContaining({ to: sm._id, kind: 'repair.cancelled', title: '李女士取消了报修' })]);
    // a second cancel changes nothing
    const before = await snapshot(w.db, 'repairs');
    expect(await w.call(repair, owner._id, { action: 'cancel', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.WRONG_STATUS' });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
    expect(await notices(w)).toHaveLength(1);
  });

  it('offers cancel to the homeowner only while the request waits for acceptance', async () => {
    const w = await world();
    const id = await filed(w);
    expect((await w.call(repair, owner._id, { action: 'get', ticketId: id })).data.ticket.allowed).toEqual(['cancel', 'addInfo']);
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    expect((await w.call(repair, owner._id, { action: 'get', ticketId: id })).data.ticket.allowed).toEqual(['addInfo']);
  });

  it('once accepted it cannot be cancelled, with a message saying whom to call; nothing is written', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    const before = await snapshot(w.db, 'repairs');
    const r = await w.call(repair, owner._id, { action: 'cancel', ticketId: id });
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.ALREADY_ACCEPTED' });
    expect(r.message).toContain('联系项目经理');
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
  });

  it('nobody else can cancel it: another homeowner, its site manager, other staff are refused and nothing is written', async () => {
    const w = await world();
    const id = await filed(w);
    const before = await snapshot(w.db, 'repairs');
    expect(await w.call(repair, otherOwner._id, { action: 'cancel', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    for (const who of [sm, otherSm, engManager, cs, admin]) {
      expect(await w.call(repair, who._id, { action: 'cancel', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
    expect(await notices(w)).toEqual([]);
  });
});

describe('a homeowner adds information and photos to an open repair', () => {
  it('the homeowner’s text and photos land in the ticket’s history, which the site manager reads, and he is told', async () => {
    const w = await world();
    const id = await filed(w);
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    const photo = w.files.add('local://uploads/111111111111111111111111.jpg');
    const r = await w.call(repair, owner._id, { action: 'addInfo', ticketId: id, text: '今天早上客厅插座也跳闸了', photos: [photo] });
    expect(r).toMatchObject({ ok: true, data: { ticket: { status: 'accepted' } } });
    const seen = await w.call(repair, sm._id, { action: 'get', ticketId: id });
    expect(seen.data.ticket.history.at(-1)).toMatchObject({ type: 'addInfo', label: '业主补充了信息', byName: '李女士', note: '今天早上客厅插座也跳闸了', photos: [photo] });
    expect(await notices(w)).toEqual([expect.objectContaining({ to: sm._id, kind: 'repair.info', page: `/staff/ticket/index?id=${id}` })]);
  });

  it('only its own homeowner, only while open: anyone else is refused, a cancelled repair is closed, a missing photo is refused; nothing is written', async () => {
    const w = await world();
    const id = await filed(w);
    const before = await snapshot(w.db, 'repairs');
    const info = { action: 'addInfo', ticketId: id, text: '还有一个插座也坏了' };
    expect(await w.call(repair, otherOwner._id, info)).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, sm._id, info)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(repair, owner._id, { ...info, photos: ['local://uploads/222222222222222222222222.jpg'] })).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND' });
    expect(await w.call(repair, owner._id, { ...info, text: '' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { text: '补充说明请至少写 2 个字' } });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);
    await w.call(repair, owner._id, { action: 'cancel', ticketId: id });
    expect(await w.call(repair, owner._id, info)).toMatchObject({ ok: false, code: 'REPAIR.WRONG_STATUS' });
  });
});

describe('a homeowner adds information and photos to an open complaint', () => {
  async function complained(w: World): Promise<string> {
    const r = await w.call(complaint, owner._id, { action: 'file', projectId: 'p-cuihu', category: 'civilisedSite', description: '楼道里堆满了建筑垃圾，邻居来投诉了' });
    expect(r).toMatchObject({ ok: true });
    return r.data.complaint.id;
  }

  it('the homeowner’s text and photos land in the complaint’s history, which the department manager reads, and he is told', async () => {
    const w = await world();
    const id = await complained(w);
    const photo = w.files.add('local://uploads/333333333333333333333333.jpg');
    const r = await w.call(complaint, owner._id, { action: 'addInfo', complaintId: id, text: '今天垃圾还是没有清走', photos: [photo] });
    expect(r).toMatchObject({ ok: true, data: { complaint: { status: 'forwarded' } } });
    const seen = await w.call(complaint, engManager._id, { action: 'get', complaintId: id });
    expect(seen.data.complaint.history.at(-1)).toMatchObject({ type: 'info', label: '业主补充了信息', byName: '李女士', note: '今天垃圾还是没有清走', photos: [photo] });
    expect((await notices(w)).filter((n) => n.kind === 'complaint.info')).toEqual([expect.objectContaining({ to: engManager._id, page: `/staff/complaint/index?id=${id}` })]);
  });

  it('only its own homeowner, only while open: anyone else is refused and nothing is written', async () => {
    const w = await world();
    const id = await complained(w);
    const before = await snapshot(w.db, 'complaints');
    const info = { action: 'addInfo', complaintId: id, text: '补充一下情况' };
    expect(await w.call(complaint, otherOwner._id, info)).toMatchObject({ ok: false, code: 'COMPLAINT.NOT_FOUND' });
    for (const who of [engManager, cs, admin, sm]) expect(await w.call(complaint, who._id, info)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'complaints')).toEqual(before);
    await w.call(complaint, engManager._id, { action: 'propose', complaintId: id, text: '明天上午清运全部垃圾并向邻居致歉' });
    await w.call(complaint, owner._id, { action: 'accept', complaintId: id });
    const closed = await snapshot(w.db, 'complaints');
    expect(await w.call(complaint, owner._id, info)).toMatchObject({ ok: false, code: 'COMPLAINT.CLOSED' });
    expect(await snapshot(w.db, 'complaints')).toEqual(closed);
  });
});
