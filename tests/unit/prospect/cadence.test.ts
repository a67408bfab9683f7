import { DEFAULT_CONTACT_WINDOWS } from '@shared/followup/contact';
import { DEFAULT_PROSPECT_CADENCE, nextProspectCall, prospectCadenceWith, withLeadClass, type Prospect } from '@shared/prospect/prospect';

const at = (iso: string) => new Date(iso).getTime();
const base: Prospect = {
  _id: 'p1', name: '孙先生', phone: '13700000000', leadClass: 'B', showroomVisitAt: null, nextCallAt: null, stoppedAt: null,
  classHistory: [], calls: [], createdBy: 'cs', createdAt: at('2026-03-02T10:30:00+08:00'), updatedAt: 0,
};
const plan = (p: Prospect, consent = true) => nextProspectCall(p, consent, DEFAULT_PROSPECT_CADENCE, DEFAULT_CONTACT_WINDOWS);

describe('prospect follow-up calls by lead class (002)', () => {
  it('plans the first call 2 days after a showroom visit, moved into the next contact window', () => {
    // visit Monday 2026-03-02 at 18:00: two days later is Wednesday 18:00, after the day's windows, so Thursday 10:00
    expect(plan({ ...base, showroomVisitAt: at('2026-03-02T18:00:00+08:00') })).toBe(at('2026-03-05T10:00:00+08:00'));
  });

  it('calls A daily, B every 2 days, C weekly, D monthly and E every 2 months after the last call', () => {
    const called = { ...base, calls: [{ at: at('2026-03-02T10:30:00+08:00'), by: 'cs', byName: '徐客服', note: '' }] };
    expect(plan({ ...called, leadClass: 'A' })).toBe(at('2026-03-03T10:30:00+08:00'));
    expect(plan({ ...called, leadClass: 'B' })).toBe(at('2026-03-04T10:30:00+08:00'));
    expect(plan({ ...called, leadClass: 'C' })).toBe(at('2026-03-09T10:30:00+08:00'));
    expect(plan({ ...called, leadClass: 'D' })).toBe(at('2026-04-01T10:30:00+08:00'));
    expect(plan({ ...called, leadClass: 'E' })).toBe(at('2026-05-01T10:30:00+08:00'));
  });

  it('plans no call without consent to marketing calls, and none once the prospect said stop', () => {
    expect(plan(base, false)).toBeNull();
    expect(plan({ ...base, stoppedAt: at('2026-03-03T10:00:00+08:00') })).toBeNull();
  });

  it('changing the class needs a new class and keeps the reason; a stopped prospect keeps its class', () => {
    const by = { id: 'cs', name: '徐客服' };
    const now = at('2026-03-03T10:00:00+08:00');
    const changed = withLeadClass(base, 'A', '已经在比较两家报价，本周定', by, now);
    expect(changed).toMatchObject({ ok: true, data: { leadClass: 'A', classHistory: [{ from: 'B', to: 'A', reason: '已经在比较两家报价，本周定', byName: '徐客服', at: now }] } });
    expect(withLeadClass(base, 'B', '不变', by, now)).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(withLeadClass({ ...base, stoppedAt: now }, 'A', '想再联系', by, now)).toMatchObject({ ok: false, code: 'PROSPECT.STOPPED' });
  });

  it('takes admin overrides of whole days and keeps the defaults for the rest', () => {
    expect(prospectCadenceWith({ everyDays: { C: 10, D: 0 }, afterShowroomVisitDays: 3 })).toEqual({ everyDays: { A: 1, B: 2, C: 10, D: 30, E: 60 }, afterShowroomVisitDays: 3 });
  });
});
