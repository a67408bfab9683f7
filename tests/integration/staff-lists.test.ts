import { DEFAULT_COMPLAINT_RULES } from '@shared/complaint/categories';
import { newComplaint } from '@shared/complaint/intake';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, PROJECTS, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, otherSm, cs, engManager, designManager, admin } = PEOPLE;
const [cuihu, binjiang] = PROJECTS;
const MINUTE = 60_000;

/** A ticket on 翠湖花园 (张建国's) or 滨江壹号 (陈立新's), filed `minutes` after 2026-03-01 09:00 China time, in the status given. */
async function ticket(w: World, id: string, status: string, minutes: number, project = cuihu): Promise<void> {
  const t = newRepairTicket(
    { category: 'plumbing', description: `漏水 ${id}`, photos: [], preferredVisit: { date: '2026-03-02', slot: 'morning' } },
    project, at('2026-03-01T09:00:00+08:00') + minutes * MINUTE, DEFAULT_REPAIR_RULES,
  );
  await w.db.collection('repairs').doc(id).set({ ...t, status });
}

/** A complaint received `minutes` after 09:00, of the department given, handled by `handlerId`, in the status given. */
async function complaintIn(w: World, id: string, status: string, minutes: number, department: string, handlerId: string | null): Promise<void> {
  const c = newComplaint(
    { homeownerId: owner._id, projectId: cuihu._id, category: 'schedule', description: `工期 ${id}`, photos: [], channel: 'miniProgram', staff: null, source: null, receivedBy: { id: owner._id, role: 'homeowner' } },
    null, at('2026-03-01T09:00:00+08:00') + minutes * MINUTE, DEFAULT_COMPLAINT_RULES,
  );
  await w.db.collection('complaints').doc(id).set({ ...c, status, department, handlerId });
}

const ids = (r: { data: { tickets?: { id: string }[]; complaints?: { id: string }[] } }) => (r.data.tickets ?? r.data.complaints ?? []).map((x) => x.id);

describe('repair.queue: the site manager’s open tickets and their history', () => {
  it('shows open tickets by default, and with `closed` the resolved, confirmed and cancelled ones, newest first', async () => {
    const w = await world();
    await ticket(w, 'r-open', 'accepted', 1);
    await ticket(w, 'r-resolved', 'resolved', 2);
    await ticket(w, 'r-confirmed', 'confirmed', 3);
    await ticket(w, 'r-cancelled', 'cancelled', 4);
    expect(ids(await w.call(repair, sm._id, { action: 'queue' }))).toEqual(['r-open']);
    expect(await w.call(repair, sm._id, { action: 'queue', closed: true })).toMatchObject({ ok: true, data: { more: false } });
    expect(ids(await w.call(repair, sm._id, { action: 'queue', closed: true }))).toEqual(['r-cancelled', 'r-confirmed', 'r-resolved']);
  });

  it('narrows either view to one status', async () => {
    const w = await world();
    await ticket(w, 'r-accepted', 'accepted', 1);
    await ticket(w, 'r-onsite', 'onSite', 2);
    await ticket(w, 'r-confirmed', 'confirmed', 3);
    await ticket(w, 'r-cancelled', 'cancelled', 4);
    expect(ids(await w.call(repair, sm._id, { action: 'queue', status: 'onSite' }))).toEqual(['r-onsite']);
    expect(ids(await w.call(repair, sm._id, { action: 'queue', closed: true, status: 'confirmed' }))).toEqual(['r-confirmed']);
  });

  it('pages the history 20 at a time, without repeating or leaving out a ticket', async () => {
    const w = await world();
    for (let i = 0; i < 25; i++) await ticket(w, `r-${String(i).padStart(2, '0')}`, 'confirmed', i);
    const first = await w.call(repair, sm._id, { action: 'queue', closed: true });
    const second = await w.call(repair, sm._id, { action: 'queue', closed: true, page: 1 });
    expect(first.data.more).toBe(true);
    expect(second.data.more).toBe(false);
    expect([...ids(first), ...ids(second)]).toEqual(Array.from({ length: 25 }, (_, i) => `r-${String(24 - i).padStart(2, '0')}`));
  });

  it('shows a site manager only their own history, never another site manager’s', async () => {
    const w = await world();
    await ticket(w, 'r-mine', 'confirmed', 1);
    await ticket(w, 'r-chen', 'confirmed', 2, binjiang);
    expect(ids(await w.call(repair, sm._id, { action: 'queue', closed: true }))).toEqual(['r-mine']);
    expect(ids(await w.call(repair, otherSm._id, { action: 'queue', closed: true }))).toEqual(['r-chen']);
  });

  it('refuses a status of the other view and a negative page, naming the field, and refuses other roles', async () => {
    const w = await world();
    expect(await w.call(repair, sm._id, { action: 'queue', status: 'confirmed' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { status: '待处理的列表里没有这个状态，请在“已关闭”里筛选' } });
    expect(await w.call(repair, sm._id, { action: 'queue', closed: true, status: 'accepted' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { status: '已关闭的列表里没有这个状态，请在“待处理”里筛选' } });
    expect(await w.call(repair, sm._id, { action: 'queue', closed: true, page: -1 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { page: '页码从 0 开始' } });
    for (const who of [owner, cs, engManager, admin]) {
      expect(await w.call(repair, who._id, { action: 'queue', closed: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('complaint.queue and complaint.assigned: open complaints and their history', () => {
  async function complaints(w: World) {
    await complaintIn(w, 'c-eng-open', 'forwarded', 1, 'engineering', engManager._id);
    await complaintIn(w, 'c-eng-closed', 'closed', 2, 'engineering', engManager._id);
    await complaintIn(w, 'c-eng-unresolved', 'unresolved', 3, 'engineering', null);
    await complaintIn(w, 'c-design-closed', 'closed', 4, 'design', designManager._id);
    await complaintIn(w, 'c-design-proposed', 'proposed', 5, 'design', designManager._id);
  }

  it('gives a department manager their department’s history, and customer service every department’s, newest first', async () => {
    const w = await world();
    await complaints(w);
    expect(ids(await w.call(complaint, engManager._id, { action: 'queue', closed: true }))).toEqual(['c-eng-unresolved', 'c-eng-closed']);
    expect(ids(await w.call(complaint, designManager._id, { action: 'queue', closed: true }))).toEqual(['c-design-closed']);
    expect(ids(await w.call(complaint, cs._id, { action: 'queue', closed: true }))).toEqual(['c-design-closed', 'c-eng-unresolved', 'c-eng-closed']);
    expect(ids(await w.call(complaint, cs._id, { action: 'queue', closed: true, status: 'unresolved' }))).toEqual(['c-eng-unresolved']);
    expect(ids(await w.call(complaint, cs._id, { action: 'queue', status: 'proposed' }))).toEqual(['c-design-proposed']);
    expect(ids(await w.call(complaint, engManager._id, { action: 'queue' }))).toEqual(['c-eng-open']);
  });

  it('指派给我 shows only the caller’s complaints, open or closed', async () => {
    const w = await world();
    await complaints(w);
    expect(ids(await w.call(complaint, engManager._id, { action: 'assigned' }))).toEqual(['c-eng-open']);
    expect(ids(await w.call(complaint, engManager._id, { action: 'assigned', closed: true }))).toEqual(['c-eng-closed']);
    expect(ids(await w.call(complaint, designManager._id, { action: 'assigned', closed: true }))).toEqual(['c-design-closed']);
    expect(ids(await w.call(complaint, cs._id, { action: 'assigned', closed: true }))).toEqual([]);
  });

  it('pages the history 20 at a time', async () => {
    const w = await world();
    for (let i = 0; i < 21; i++) await complaintIn(w, `c-${String(i).padStart(2, '0')}`, 'closed', i, 'engineering', engManager._id);
    const first = await w.call(complaint, engManager._id, { action: 'assigned', closed: true });
    const second = await w.call(complaint, engManager._id, { action: 'assigned', closed: true, page: 1 });
    expect([first.data.more, second.data.more]).toEqual([true, false]);
    expect([...ids(first), ...ids(second)]).toEqual(Array.from({ length: 21 }, (_, i) => `c-${String(20 - i).padStart(2, '0')}`));
  });

  it('refuses a status of the other view, and homeowners and site managers', async () => {
    const w = await world();
    expect(await w.call(complaint, cs._id, { action: 'queue', closed: true, status: 'forwarded' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { status: expect.stringContaining('已关闭的列表里没有这个状态') } });
    for (const who of [owner, sm]) {
      expect(await w.call(complaint, who._id, { action: 'queue', closed: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(complaint, who._id, { action: 'assigned', closed: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});
