import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { escalateTimer, MAX_PAGES, PAGE } from '../../cloudfunctions/escalate/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, world, type World } from './harness';

const { owner, sm, engManager } = PEOPLE;

async function fileComplaint(w: World, category = 'constructionQuality'): Promise<string> {
  const r = await w.call(complaint, owner._id, { action: 'file', projectId: 'p-cuihu', category, description: '卫生间墙砖大面积空鼓' });
  return r.data.complaint.id;
}

async function fileRepair(w: World): Promise<string> {
  const r = await w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', preferredVisit: { date: '2026-03-01', slot: 'morning' },
  });
  return r.data.ticket.id;
}

const get = async (w: World, id: string) => (await w.db.collection('complaints').doc(id).get()).data[0] as any;

describe('the escalation timer', () => {
  it('escalates an unanswered complaint one level once its 24 hours pass, however often it runs', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    const run = escalateTimer(w.deps);
    w.clock.set('2026-03-02T09:59:00+08:00');
    expect(await run()).toMatchObject({ complaints: 0 });
    w.clock.set('2026-03-02T10:01:00+08:00');
    expect(await run()).toMatchObject({ complaints: 1 });
    expect(await run()).toMatchObject({ complaints: 0 });
    const c = await get(w, id);
    expect(c).toMatchObject({ level: 1, department: 'customerService' });
    expect(c.history.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(1);
  });

  it('escalates once when two runs happen at the same time', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    w.clock.set('2026-03-02T11:00:00+08:00');
    const runs = await Promise.all([escalateTimer(w.deps)(), escalateTimer(w.deps)()]);
    expect(runs[0].complaints + runs[1].complaints).toBe(1);
    expect((await get(w, id)).level).toBe(1);
  });

  it('climbs the whole ladder over successive missed deadlines and then stops', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    const run = escalateTimer(w.deps);
    for (const iso of ['2026-03-02T10:01:00+08:00', '2026-03-03T10:02:00+08:00', '2026-03-04T10:03:00+08:00', '2026-03-09T10:00:00+08:00']) {
      w.clock.set(iso);
      await run();
    }
    const c = await get(w, id);
    expect(c).toMatchObject({ level: 2, department: 'management', escalateAt: null });
    expect(c.history.map((e: { type: string }) => e.type).filter((t: string) => t === 'escalated' || t === 'overdueAtTop')).toEqual(['escalated', 'escalated', 'overdueAtTop']);
  });

  it('leaves alone a complaint whose department answered in time', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    await w.call(complaint, engManager._id, { action: 'propose', complaintId: id, text: '明天上午免费重新铺贴' });
    w.clock.set('2026-03-05T10:00:00+08:00');
    expect(await escalateTimer(w.deps)()).toMatchObject({ complaints: 0 });
  });

  it('escalates a water repair past its 4-hour promise to the department manager once, and records the breach', async () => {
    const w = await world();
    const id = await fileRepair(w);
    const run = escalateTimer(w.deps);
    w.clock.set('2026-03-01T14:05:00+08:00');
    expect(await run()).toMatchObject({ repairs: 1 });
    expect(await run()).toMatchObject({ repairs: 0 });
    const t = (await w.db.collection('repairs').doc(id).get()).data[0] as any;
    expect(t.escalations).toEqual([{ kind: 'onSite', round: 0, at: new Date('2026-03-01T14:05:00+08:00').getTime() }]);
    expect(t.breaches).toEqual([{ kind: 'onSite', round: 0, dueAt: new Date('2026-03-01T14:00:00+08:00').getTime() }]);
    // the contact promise (24 h) is escalated separately when it, too, is missed
    w.clock.set('2026-03-02T10:05:00+08:00');
    expect(await run()).toMatchObject({ repairs: 1 });
    const seen = await w.call(repair, engManager._id, { action: 'get', ticketId: id });
    expect(seen.data.ticket.history.filter((e: { type: string }) => e.type === 'escalate')).toHaveLength(2);
  });

  it(`does at most ${MAX_PAGES} pages of ${PAGE} per run and says there is more`, async () => {
    const w = await world();
    const now = new Date('2026-03-01T10:00:00+08:00').getTime();
    const base = (await w.db.collection('complaints').doc(await fileComplaint(w)).get()).data[0] as any;
    const { _id, ...doc } = base;
    for (let i = 0; i < MAX_PAGES * PAGE + 10; i++) await w.db.collection('complaints').doc(`bulk-${i}`).set({ ...doc, receivedAt: now - i });
    w.clock.set('2026-03-02T11:00:00+08:00');
    const first = await escalateTimer(w.deps)();
    expect(first).toMatchObject({ complaints: MAX_PAGES * PAGE, more: true });
    const second = await escalateTimer(w.deps)();
    expect(second).toMatchObject({ complaints: 11, more: false });
  });
});

describe('a repair reopened twice', () => {
  it('opens one construction-quality complaint about it, naming the project manager', async () => {
    const w = await world();
    const id = await fileRepair(w);
    const step = (who: string, event: Record<string, unknown>) => w.call(repair, who, { ticketId: id, ...event });
    await step(sm._id, { action: 'accept' });
    for (const reason of ['还在漏水', '又漏了', '第三次漏水']) {
      await step(sm._id, { action: 'arrive' });
      await step(sm._id, { action: 'resolve', note: '更换了水管接头' });
      await step(owner._id, { action: 'reopen', reason });
    }
    const list = (await w.db.collection('complaints').limit(10).get()).data as any[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      _id: `repair-${id}`, category: 'constructionQuality', channel: 'repair', department: 'engineering',
      source: { kind: 'repair', id }, staff: { role: 'projectManager', name: '张建国' },
    });
  });
});
