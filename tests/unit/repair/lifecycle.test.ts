import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { allowedCommands, applyRepairCommand, recordBreaches, type RepairCommand } from '@shared/repair/lifecycle';
import type { RepairTicket } from '@shared/repair/ticket';

const at = (iso: string) => new Date(iso).getTime();
const rules = DEFAULT_REPAIR_RULES;
const sm = { id: 'sm-1', role: 'siteManager' as const };
const owner = { id: 'owner-1', role: 'homeowner' as const };
const project = { _id: 'p1', homeownerId: 'owner-1', siteManagerId: 'sm-1', department: 'engineering' as const };

function ticket(category: RepairTicket['category'] = 'plumbing', iso = '2026-03-01T10:00:00+08:00'): RepairTicket {
  return {
    _id: 't1',
    ...newRepairTicket({ category, description: '厨房水槽下面漏水', photos: [], preferredVisit: { date: '2026-03-01', slot: 'morning' } }, project, at(iso), rules),
  };
}

function run(t: RepairTicket, steps: [RepairCommand, typeof sm | typeof owner, string][]): RepairTicket {
  let cur = t;
  for (const [cmd, actor, iso] of steps) {
    const r = applyRepairCommand(cur, cmd, actor, at(iso), rules);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.code}`);
    cur = r.data;
  }
  return cur;
}

describe('the repair lifecycle (DOMAIN §5)', () => {
  it('goes submitted → accepted → scheduled → on site → resolved → confirmed, keeping every step in the history', () => {
    const t = run(ticket(), [
      [{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00'],
      [{ type: 'schedule', visitAt: at('2026-03-01T12:00:00+08:00') }, sm, '2026-03-01T10:20:00+08:00'],
      [{ type: 'arrive' }, sm, '2026-03-01T12:05:00+08:00'],
      [{ type: 'resolve', note: '更换三角阀', photos: ['local://uploads/after.jpg'] }, sm, '2026-03-01T12:40:00+08:00'],
      [{ type: 'confirm' }, owner, '2026-03-01T18:00:00+08:00'],
    ]);
    expect(t.status).toBe('confirmed');
    expect(t.history.map((e) => e.type)).toEqual(['submit', 'accept', 'schedule', 'arrive', 'resolve', 'confirm']);
    expect(t.contactedAt).toBe(at('2026-03-01T10:20:00+08:00'));
    expect(t.onSiteAt).toBe(at('2026-03-01T12:05:00+08:00'));
    expect(t.breaches).toEqual([]);
    expect(t.nextDeadlineAt).toBeNull();
  });

  it('refuses a step the current status does not allow, with a message saying so', () => {
    const r = applyRepairCommand(ticket(), { type: 'resolve', note: '好了', photos: [] }, sm, at('2026-03-01T11:00:00+08:00'), rules);
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.WRONG_STATUS' });
    if (!r.ok) expect(r.message).toContain('不能登记修好');
  });

  it('a repair is resolved only with a photo and a note (DOMAIN §5)', () => {
    const onSite = run(ticket(), [[{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00'], [{ type: 'arrive' }, sm, '2026-03-01T11:00:00+08:00']]);
    const r = applyRepairCommand(onSite, { type: 'resolve', note: '更换三角阀', photos: [] }, sm, at('2026-03-01T12:00:00+08:00'), rules);
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.RESOLUTION_INCOMPLETE', fields: { photos: '请至少上传 1 张维修后的照片' } });
    const blank = applyRepairCommand(onSite, { type: 'resolve', note: ' ', photos: ['local://uploads/after.jpg'] }, sm, at('2026-03-01T12:00:00+08:00'), rules);
    expect(blank).toMatchObject({ ok: false, code: 'REPAIR.RESOLUTION_INCOMPLETE' });
  });

  it('refuses a visit time in the past', () => {
    const accepted = run(ticket(), [[{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00']]);
    const r = applyRepairCommand(accepted, { type: 'schedule', visitAt: at('2026-03-01T09:00:00+08:00') }, sm, at('2026-03-01T10:20:00+08:00'), rules);
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.VISIT_IN_PAST' });
  });

  it('records a missed 4-hour on-site promise when the site manager arrives late', () => {
    const t = run(ticket(), [
      [{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00'],
      [{ type: 'arrive' }, sm, '2026-03-01T15:00:00+08:00'],
    ]);
    expect(t.breaches).toEqual([{ kind: 'onSite', round: 0, dueAt: at('2026-03-01T14:00:00+08:00') }]);
  });

  it('starts a new round of promises when the homeowner reopens the ticket', () => {
    const t = run(ticket(), [
      [{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00'],
      [{ type: 'arrive' }, sm, '2026-03-01T11:00:00+08:00'],
      [{ type: 'resolve', note: '更换三角阀', photos: ['local://uploads/after.jpg'] }, sm, '2026-03-01T11:30:00+08:00'],
      [{ type: 'reopen', reason: '第二天又开始漏水' }, owner, '2026-03-02T09:00:00+08:00'],
    ]);
    expect(t.status).toBe('reopened');
    expect(t.reopenCount).toBe(1);
    expect(t.deadlines).toEqual({ contactBy: at('2026-03-03T09:00:00+08:00'), onSiteBy: at('2026-03-02T13:00:00+08:00') });
    expect(t.onSiteAt).toBeNull();
    expect(t.history[t.history.length - 1]).toMatchObject({ type: 'reopen', note: '第二天又开始漏水' });
  });

  it('lets the homeowner rate a confirmed repair once', () => {
    const rating = { score: 4, contactedWithin24h: true, timeAgreed: true, planAgreed: true, satisfied: true, comment: '' };
    const t = run(ticket(), [
      [{ type: 'accept' }, sm, '2026-03-01T10:10:00+08:00'],
      [{ type: 'arrive' }, sm, '2026-03-01T11:00:00+08:00'],
      [{ type: 'resolve', note: '更换三角阀', photos: ['local://uploads/after.jpg'] }, sm, '2026-03-01T11:30:00+08:00'],
      [{ type: 'confirm' }, owner, '2026-03-01T12:00:00+08:00'],
      [{ type: 'rate', rating }, owner, '2026-03-01T12:01:00+08:00'],
    ]);
    expect(t.rating).toMatchObject({ score: 4, at: at('2026-03-01T12:01:00+08:00') });
    expect(allowedCommands(t)).toEqual([]);
    expect(applyRepairCommand(t, { type: 'rate', rating }, owner, at('2026-03-01T12:02:00+08:00'), rules).ok).toBe(false);
  });

  it('records each missed deadline once per round, however often it is checked', () => {
    const t = ticket();
    const once = recordBreaches(t, at('2026-03-01T15:00:00+08:00'));
    const twice = recordBreaches({ ...t, breaches: once }, at('2026-03-01T16:00:00+08:00'));
    expect(twice).toEqual([{ kind: 'onSite', round: 0, dueAt: at('2026-03-01T14:00:00+08:00') }]);
  });
});
