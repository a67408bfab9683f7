import { prospectFunction as prospect } from '../../cloudfunctions/prospect/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, cs, admin, engManager } = PEOPLE;

const register = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(prospect, cs._id, { action: 'create', name: '孙先生', phone: '13712345678', leadClass: 'B', showroomVisitAt: at('2026-03-01T09:30:00+08:00'), callConsent: true, ...extra });

describe('prospects: follow-up calls at the lead class’s cadence, only with consent', () => {
  it('plans the first call 2 days after the showroom visit, and records the consent given in person', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const r = await register(w, { requestId: 'showroom-0001' });
    expect(r).toMatchObject({ ok: true, data: { prospect: { leadClass: 'B', nextCallAt: at('2026-03-03T10:00:00+08:00'), stoppedAt: null } } });
    const ledger = (await snapshot(w.db, 'consentLedger')) as Record<string, unknown>[];
    expect(ledger).toEqual([expect.objectContaining({ homeownerId: `prospect:${r.data.prospect._id}`, channel: 'phone', decision: 'granted', how: 'inPerson', recordedBy: { id: cs._id, name: '徐客服' } })]);
    expect(await register(w, { requestId: 'showroom-0001' })).toEqual(r);
    expect(await snapshot(w.db, 'prospects')).toHaveLength(1);
  });

  it('plans no call for a prospect who did not agree to calls, and records the refusal', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const r = await register(w, { callConsent: false });
    expect(r.data.prospect.nextCallAt).toBeNull();
    expect(await snapshot(w.db, 'consentLedger')).toEqual([expect.objectContaining({ decision: 'withdrawn', how: 'inPerson' })]);
    w.clock.set('2026-06-01T10:00:00+08:00');
    expect((await w.call(prospect, cs._id, { action: 'queue' })).data.prospects).toEqual([]);
  });

  it('the queue shows who is due now, and each name and phone shown is an audited read', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const { data } = await register(w);
    expect((await w.call(prospect, cs._id, { action: 'queue' })).data.prospects).toEqual([]);
    w.clock.set('2026-03-03T10:00:00+08:00');
    const due = await w.call(prospect, cs._id, { action: 'queue' });
    expect(due.data.prospects.map((p: { _id: string }) => p._id)).toEqual([data.prospect._id]);
    expect(await snapshot(w.db, 'auditLog')).toEqual([expect.objectContaining({ viewerId: cs._id, record: `prospects/${data.prospect._id}`, fields: ['name', 'phone'] })]);
  });

  it('an E prospect is re-assessed after 6 months in E (002: E is followed up over 1–6 months); not before, and not once the class changes', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = (await register(w, { leadClass: 'E' })).data.prospect._id;
    const review = async () => (await w.call(prospect, cs._id, { action: 'queue' })).data.prospects.find((p: { _id: string }) => p._id === id)?.classReviewDue;
    w.clock.set('2026-08-27T10:00:00+08:00'); // 179 days in E
    expect(await review()).toBe(false);
    w.clock.set('2026-08-28T10:00:00+08:00'); // 180 days
    expect(await review()).toBe(true);
    await w.call(prospect, cs._id, { action: 'changeClass', prospectId: id, leadClass: 'D', reason: '说明年春天装修' });
    await w.call(prospect, cs._id, { action: 'changeClass', prospectId: id, leadClass: 'E', reason: '计划取消了' });
    w.clock.set('2026-09-30T10:00:00+08:00'); // due again by its cadence, but only a month back in E
    expect(await review()).toBe(false);
  });

  it('after a call the next one comes at the class’s interval; a class change with a reason moves it', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = (await register(w)).data.prospect._id;
    w.clock.set('2026-03-03T10:05:00+08:00');
    const called = await w.call(prospect, cs._id, { action: 'logCall', prospectId: id, note: '在比较两家报价' });
    expect(called.data.prospect).toMatchObject({ nextCallAt: at('2026-03-05T10:05:00+08:00'), calls: [{ byName: '徐客服', note: '在比较两家报价' }] });
    expect(await w.call(prospect, cs._id, { action: 'changeClass', prospectId: id, leadClass: 'A' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { reason: expect.any(String) } });
    const moved = await w.call(prospect, cs._id, { action: 'changeClass', prospectId: id, leadClass: 'A', reason: '说这周就定' });
    expect(moved.data.prospect).toMatchObject({ leadClass: 'A', nextCallAt: at('2026-03-04T10:05:00+08:00'), classHistory: [{ from: 'B', to: 'A', reason: '说这周就定' }] });
  });

  it('"stop" ends the follow-up for good and records the refusal of calls; a later call is refused', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const id = (await register(w)).data.prospect._id;
    w.clock.set('2026-03-03T10:05:00+08:00');
    const stopped = await w.call(prospect, cs._id, { action: 'stop', prospectId: id, note: '说不要再打了' });
    expect(stopped.data.prospect).toMatchObject({ stoppedAt: at('2026-03-03T10:05:00+08:00'), nextCallAt: null });
    const ledger = (await snapshot(w.db, 'consentLedger')) as Record<string, unknown>[];
    expect(ledger.map((e) => [e.decision, e.how])).toEqual(expect.arrayContaining([['granted', 'inPerson'], ['withdrawn', 'phone']]));
    expect(await w.call(prospect, cs._id, { action: 'logCall', prospectId: id })).toMatchObject({ ok: false, code: 'PROSPECT.STOPPED' });
    expect(await w.call(prospect, cs._id, { action: 'changeClass', prospectId: id, leadClass: 'A', reason: '想再联系' })).toMatchObject({ ok: false, code: 'PROSPECT.STOPPED' });
    w.clock.set('2026-09-01T10:00:00+08:00');
    expect((await w.call(prospect, cs._id, { action: 'queue' })).data.prospects).toEqual([]);
  });

  it('only customer service and admins work prospects; bad input is refused and writes nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    for (const who of [owner, sm, engManager]) {
      expect(await w.call(prospect, who._id, { action: 'queue' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(prospect, who._id, { action: 'create', name: '孙先生', phone: '13712345678', leadClass: 'B', callConsent: true })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await register(w, { leadClass: 'F', phone: '123' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { leadClass: expect.any(String), phone: expect.any(String) } });
    expect(await register(w, { callConsent: undefined })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { callConsent: expect.any(String) } });
    expect(await w.call(prospect, admin._id, { action: 'logCall', prospectId: 'nobody' })).toMatchObject({ ok: false, code: 'PROSPECT.NOT_FOUND' });
    expect(await snapshot(w.db, 'prospects')).toEqual([]);
    expect(await snapshot(w.db, 'consentLedger')).toEqual([]);
  });
});
