import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { meFunction as me } from '../../cloudfunctions/me/handler';
import { PEOPLE, PROJECTS, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, otherSm, cs, gm } = PEOPLE;
const [cuihu, binjiang] = PROJECTS;

/** A plumbing ticket filed at `filedIso` on the project given, in the status given. */
async function ticket(w: World, id: string, status: string, filedIso: string, project = cuihu): Promise<void> {
  const t = newRepairTicket(
    { category: 'plumbing', description: '厨房水槽下水管漏水', photos: [], preferredVisit: { date: '2026-03-02', slot: 'morning' } },
    project, at(filedIso), DEFAULT_REPAIR_RULES,
  );
  await w.db.collection('repairs').doc(id).set({ ...t, status });
}

describe('the site manager’s home: my sites, milestones due, my tickets', () => {
  it('names the milestone each of their sites waits for: a completion once the contract date has passed', async () => {
    const w = await world('2026-07-02T10:00:00+08:00');
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-06-30' } });
    const r = await w.call(me, sm._id, { action: 'whoami' });
    expect(r.data.projects).toEqual([expect.objectContaining({ id: 'p-cuihu', due: ['竣工'] })]);
    w.clock.set('2026-06-30T10:00:00+08:00');
    expect((await w.call(me, sm._id, { action: 'whoami' })).data.projects[0].due).toEqual([]);
  });

  it('counts their open tickets and those past a deadline, and nobody else’s', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await ticket(w, 'r-late', 'submitted', '2026-02-27T09:00:00+08:00');
    await ticket(w, 'r-fresh', 'accepted', '2026-03-01T09:30:00+08:00');
    await ticket(w, 'r-done', 'confirmed', '2026-02-20T09:00:00+08:00');
    await ticket(w, 'r-chen', 'submitted', '2026-02-27T09:00:00+08:00', binjiang);
    expect((await w.call(me, sm._id, { action: 'whoami' })).data.tickets).toEqual({ open: 2, overdue: 1 });
    expect((await w.call(me, otherSm._id, { action: 'whoami' })).data.tickets).toEqual({ open: 1, overdue: 1 });
  });

  it('gives no ticket counts and no milestones due to anyone who does not run sites', async () => {
    const w = await world('2026-07-02T10:00:00+08:00');
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-06-30' } });
    const homeowner = await w.call(me, owner._id, { action: 'whoami' });
    expect(homeowner.data.tickets).toBeNull();
    expect(homeowner.data.projects).toEqual([expect.objectContaining({ id: 'p-cuihu', due: [] })]);
    for (const who of [cs, gm]) expect((await w.call(me, who._id, { action: 'whoami' })).data.tickets).toBeNull();
  });
});
