import { DEFAULT_REPAIR_RULES, repairRulesWith } from '@shared/repair/categories';
import { isOverdue, missedDeadlines, nextDeadline, repairDeadlines } from '@shared/repair/deadlines';
import { checkPreferredVisit } from '@shared/repair/create';

const at = (iso: string) => new Date(iso).getTime();
const rules = DEFAULT_REPAIR_RULES;

describe('repair deadlines (DOMAIN §5)', () => {
  it('promises water and electrics on site within 4 hours of the request', () => {
    const d = repairDeadlines('plumbing', null, at('2026-03-01T10:00:00+08:00'), rules);
    expect(d.onSiteBy).toBe(at('2026-03-01T14:00:00+08:00'));
    expect(repairDeadlines('electrical', null, at('2026-03-01T23:30:00+08:00'), rules).onSiteBy).toBe(at('2026-03-02T03:30:00+08:00'));
  });

  it('promises every other category on site within 24 hours', () => {
    const d = repairDeadlines('tiling', null, at('2026-03-01T10:00:00+08:00'), rules);
    expect(d.onSiteBy).toBe(at('2026-03-02T10:00:00+08:00'));
  });

  it('promises contact within 24 hours whatever the category', () => {
    expect(repairDeadlines('plumbing', null, at('2026-03-01T10:00:00+08:00'), rules).contactBy).toBe(at('2026-03-02T10:00:00+08:00'));
    expect(repairDeadlines('doorsWindows', null, at('2026-03-01T10:00:00+08:00'), rules).contactBy).toBe(at('2026-03-02T10:00:00+08:00'));
  });

  it('counts across a month end and a leap day in China Standard Time', () => {
    expect(repairDeadlines('tiling', null, at('2026-02-28T22:00:00+08:00'), rules).onSiteBy).toBe(at('2026-03-01T22:00:00+08:00'));
    expect(repairDeadlines('tiling', null, at('2028-02-28T22:00:00+08:00'), rules).onSiteBy).toBe(at('2028-02-29T22:00:00+08:00'));
  });

  it('moves the on-site promise to the end of a later slot the homeowner chose', () => {
    const d = repairDeadlines('tiling', { date: '2026-03-03', slot: 'afternoon' }, at('2026-03-01T10:00:00+08:00'), rules);
    expect(d.onSiteBy).toBe(at('2026-03-03T18:00:00+08:00'));
    expect(d.contactBy).toBe(at('2026-03-02T10:00:00+08:00'));
  });

  it('keeps the 4-hour promise when the homeowner chose an earlier slot', () => {
    const d = repairDeadlines('plumbing', { date: '2026-03-01', slot: 'morning' }, at('2026-03-01T10:00:00+08:00'), rules);
    expect(d.onSiteBy).toBe(at('2026-03-01T14:00:00+08:00'));
  });

  it('uses the hours an admin configured and keeps defaults for what they left out', () => {
    const custom = repairRulesWith({ contactWithinHours: 12, onSiteWithinHours: { plumbing: 2, tiling: 'soon' } });
    expect(custom.contactWithinHours).toBe(12);
    expect(custom.onSiteWithinHours.plumbing).toBe(2);
    expect(custom.onSiteWithinHours.tiling).toBe(24);
    expect(repairRulesWith(null)).toEqual(DEFAULT_REPAIR_RULES);
  });
});

describe('overdue and missed deadlines', () => {
  const t = {
    status: 'submitted' as const,
    deadlines: { contactBy: at('2026-03-02T10:00:00+08:00'), onSiteBy: at('2026-03-01T14:00:00+08:00') },
    contactedAt: null,
    onSiteAt: null,
  };

  it('is overdue once an open deadline has passed, and not before', () => {
    expect(isOverdue(t, at('2026-03-01T13:59:00+08:00'))).toBe(false);
    expect(isOverdue(t, at('2026-03-01T14:01:00+08:00'))).toBe(true);
  });

  it('names the earliest open deadline as the next one', () => {
    expect(nextDeadline(t)).toBe(at('2026-03-01T14:00:00+08:00'));
    expect(nextDeadline({ ...t, onSiteAt: at('2026-03-01T12:00:00+08:00'), contactedAt: at('2026-03-01T11:00:00+08:00') })).toBeNull();
  });

  it('counts a deadline met late as missed', () => {
    expect(missedDeadlines({ ...t, contactedAt: at('2026-03-01T11:00:00+08:00'), onSiteAt: at('2026-03-01T15:00:00+08:00') }, at('2026-03-01T16:00:00+08:00'))).toEqual(['onSite']);
  });
});

describe('the preferred visit time', () => {
  const now = at('2026-03-01T13:00:00+08:00');

  it('accepts a slot later today', () => {
    expect(checkPreferredVisit({ date: '2026-03-01', slot: 'afternoon' }, now).ok).toBe(true);
  });

  it('refuses a slot that is already over, in Chinese', () => {
    const r = checkPreferredVisit({ date: '2026-03-01', slot: 'morning' }, now);
    expect(r).toMatchObject({ ok: false, code: 'REPAIR.VISIT_SLOT_PASSED' });
  });

  it('refuses a date that does not exist', () => {
    expect(checkPreferredVisit({ date: '2026-02-30', slot: 'morning' }, now)).toMatchObject({ ok: false, code: 'REPAIR.BAD_VISIT_DATE' });
  });

  it('refuses a date more than 30 days ahead', () => {
    expect(checkPreferredVisit({ date: '2026-03-31', slot: 'morning' }, now).ok).toBe(true);
    expect(checkPreferredVisit({ date: '2026-04-01', slot: 'morning' }, now)).toMatchObject({ ok: false, code: 'REPAIR.VISIT_TOO_FAR' });
  });
});
