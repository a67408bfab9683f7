import { followUpId, newFollowUp } from '@shared/followup/followup';
import type { PlannedFollowUp } from '@shared/followup/schedule';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { BUDGET_MS, escalateTimer, MAX_PAGES, PAGE } from '../../cloudfunctions/escalate/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, PROJECTS, world, type World } from './harness';

const { owner, sm, engManager } = PEOPLE;
const at = (iso: string) => new Date(iso).getTime();

async function fileComplaint(w: World, category = 'constructionQuality'): Promise<string> {
  const r = await w.call(complaint, owner._id, { action: 'file', remedy: '尽快上门处理，给个说法', projectId: 'p-cuihu', category, description: '卫生间墙砖大面积空鼓' });
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

describe('the escalation timer: the time budget', () => {
  /**
   * The run's wall clock, as `elapsed` reads it: it moves on at every look, and from the `looks + 1`-th
   * look on it is past the budget.
   */
  function budgetPassingAfter(looks: number): () => number {
    let made = 0;
    return () => {
      made++;
      return made > looks ? BUDGET_MS + made : made;
    };
  }

  /** `n` copies of the document `id` of `collection`, under ids `bulk-0`…, as if filed at the same moment. */
  async function copies(w: World, collection: string, id: string, n: number): Promise<void> {
    const { _id, ...doc } = (await w.db.collection(collection).doc(id).get()).data[0];
    for (let i = 0; i < n; i++) await w.db.collection(collection).doc(`bulk-${i}`).set(doc);
  }

  const all = async (w: World, collection: string) => (await w.db.collection(collection).orderBy('_id', 'asc').limit(1000).get()).data as any[];
  const escalatedEvents = (c: { history: { type: string }[] }) => c.history.filter((e) => e.type === 'escalated');

  it('starts no complaint once the budget has passed, stops mid-page saying there is more, and the next run escalates the rest, each once', async () => {
    const w = await world();
    await copies(w, 'complaints', await fileComplaint(w), 29);
    w.clock.set('2026-03-02T11:00:00+08:00');
    // 30 overdue complaints: one page (PAGE is 50), of which the budget allows only some
    const cut = await escalateTimer(w.deps, { elapsed: budgetPassingAfter(10) })();
    expect(cut.more).toBe(true);
    expect(cut.complaints).toBeGreaterThan(0);
    expect(cut.complaints).toBeLessThan(30);
    expect((await all(w, 'complaints')).filter((c) => c.level === 1)).toHaveLength(cut.complaints);

    const rest = await escalateTimer(w.deps)();
    expect(rest).toMatchObject({ complaints: 30 - cut.complaints, more: false });
    const stored = await all(w, 'complaints');
    expect(stored).toHaveLength(30);
    for (const c of stored) {
      expect(c).toMatchObject({ level: 1, department: 'customerService' });
      expect(escalatedEvents(c)).toHaveLength(1);
    }
    expect(await escalateTimer(w.deps)()).toMatchObject({ complaints: 0, repairs: 0, more: false });
  });

  it('starts no repair once the budget has passed, and the next run escalates the rest, each once', async () => {
    const w = await world();
    await copies(w, 'repairs', await fileRepair(w), 29);
    // the water repairs' 4-hour on-site promise (14:00) has passed; their 24-hour contact promise has not
    w.clock.set('2026-03-01T14:05:00+08:00');
    const cut = await escalateTimer(w.deps, { elapsed: budgetPassingAfter(10) })();
    expect(cut.more).toBe(true);
    expect(cut.repairs).toBeGreaterThan(0);
    expect(cut.repairs).toBeLessThan(30);
    expect((await all(w, 'repairs')).filter((t) => t.escalations.length > 0)).toHaveLength(cut.repairs);

    const rest = await escalateTimer(w.deps)();
    expect(rest).toMatchObject({ repairs: 30 - cut.repairs, more: false });
    const stored = await all(w, 'repairs');
    expect(stored).toHaveLength(30);
    for (const t of stored) {
      expect(t.escalations).toEqual([{ kind: 'onSite', round: 0, at: at('2026-03-01T14:05:00+08:00') }]);
      expect(t.history.filter((e: { type: string }) => e.type === 'escalate')).toHaveLength(1);
    }
  });

  it('spends one budget on complaints and repairs: repairs the complaints left no time for wait for the next run', async () => {
    const w = await world();
    await copies(w, 'complaints', await fileComplaint(w), 29);
    const repairId = await fileRepair(w);
    w.clock.set('2026-03-02T11:00:00+08:00');
    const cut = await escalateTimer(w.deps, { elapsed: budgetPassingAfter(10) })();
    expect(cut).toMatchObject({ repairs: 0, more: true });
    expect(cut.complaints).toBeLessThan(30);
    expect((await w.db.collection('repairs').doc(repairId).get()).data[0]).toMatchObject({ escalations: [] });

    const rest = await escalateTimer(w.deps)();
    expect(rest).toMatchObject({ complaints: 30 - cut.complaints, repairs: 1, more: false });
    const t = (await w.db.collection('repairs').doc(repairId).get()).data[0] as any;
    // both its promises (on site by 14:00 yesterday, contact by 10:00 today) had passed: one escalation covers them
    expect(t.escalations.map((e: { kind: string }) => e.kind).sort()).toEqual(['contact', 'onSite']);
    expect(t.history.filter((e: { type: string }) => e.type === 'escalate')).toHaveLength(1);
    for (const c of await all(w, 'complaints')) expect(escalatedEvents(c)).toHaveLength(1);
  });
});

describe('the escalation timer: nothing acknowledged is lost', () => {
  // 2026-03-11 is a Wednesday
  const MID: PlannedFollowUp = { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' };

  const runAt = (w: World, iso: string) => {
    w.clock.set(iso);
    return escalateTimer(w.deps)();
  };

  it('opens the complaint of a stored low-score answer whose submission was cut off before opening it', async () => {
    const w = await world();
    const id = followUpId('p-cuihu', MID.key);
    await w.db.collection('followups').doc(id).set({
      ...newFollowUp(PROJECTS[0], MID, at('2026-03-01T10:00:00+08:00')), state: 'answered', nextActionAt: null,
    });
    // what a submit leaves when the process dies between storing the answer and opening its complaints
    await w.db.collection('surveyAnswers').doc(id).set({
      followUpId: id, projectId: 'p-cuihu', homeownerId: owner._id, kind: 'midStage', stage: 'mid', version: 1,
      answers: { overall: 1 }, score: 1, channel: 'miniProgram', by: owner._id, at: at('2026-03-11T10:00:00+08:00'),
      complaintIds: [], complaintsOpenedAt: null,
    });
    // a minute old: the submission may still be opening them itself
    expect(await runAt(w, '2026-03-11T10:01:00+08:00')).toMatchObject({ recoveredComplaints: 0 });
    expect((await w.db.collection('complaints').count()).total).toBe(0);

    expect(await runAt(w, '2026-03-11T10:05:00+08:00')).toMatchObject({ recoveredComplaints: 1 });
    const complaints = (await w.db.collection('complaints').where({ homeownerId: owner._id }).get()).data as any[];
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ channel: 'survey', receivedAt: at('2026-03-11T10:00:00+08:00') });
    const record = (await w.db.collection('surveyAnswers').doc(id).get()).data[0] as any;
    expect(record.complaintIds).toEqual([complaints[0]._id]);
    expect(record.complaintsOpenedAt).toBe(at('2026-03-11T10:05:00+08:00'));

    expect(await runAt(w, '2026-03-11T10:10:00+08:00')).toMatchObject({ recoveredComplaints: 0 });
    expect((await w.db.collection('complaints').count()).total).toBe(1);
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
      await step(sm._id, { action: 'resolve', note: '更换了水管接头', photos: [w.files.add('local://uploads/cccccccccccccccccccccccc.jpg')] });
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
