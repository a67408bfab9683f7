import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import type { RepairTicket } from '@shared/repair/ticket';
import { mayUrge, urgeRepair } from '@shared/repair/urge';

const at = (iso: string) => new Date(iso).getTime();
const project = { _id: 'p1', name: '翠湖花园 3-1201', address: '', homeownerId: 'owner-li', siteManagerId: 'sm-zhang', department: 'engineering' as const, staff: {}, milestones: {}, createdAt: 0 };

function ticket(): RepairTicket {
  const t = newRepairTicket(
    { category: 'plumbing', description: '厨房水槽下水管漏水', photos: [], preferredVisit: { date: '2026-03-01', slot: 'morning' } },
    project, at('2026-03-01T08:00:00+08:00'), DEFAULT_REPAIR_RULES,
  );
  return { ...t, _id: 't1' };
}

describe('催单 (urgeRepair)', () => {
  it('is refused while every promise is still ahead', () => {
    const t = ticket();
    expect(mayUrge(t, at('2026-03-01T11:00:00+08:00'))).toBe(false);
    expect(urgeRepair(t, 'owner-li', at('2026-03-01T11:00:00+08:00'))).toMatchObject({ ok: false, code: 'REPAIR.NOT_OVERDUE' });
  });

  it('is allowed once a promise is past, records when, and is refused again until an hour has passed', () => {
    const first = urgeRepair(ticket(), 'owner-li', at('2026-03-01T12:30:00+08:00'));
    if (!first.ok) throw new Error(first.message);
    expect(first.data.urgedAt).toBe(at('2026-03-01T12:30:00+08:00'));
    expect(first.data.history[first.data.history.length - 1]).toMatchObject({ type: 'urge', by: 'owner-li', role: 'homeowner' });
    const soon = urgeRepair(first.data, 'owner-li', at('2026-03-01T13:29:00+08:00'));
    expect(soon).toMatchObject({ ok: false, code: 'REPAIR.URGED_RECENTLY' });
    expect(soon.ok ? '' : soon.message).toContain('13:30 后可以再催');
    expect(mayUrge(first.data, at('2026-03-01T13:30:00+08:00'))).toBe(true);
    expect(urgeRepair(first.data, 'owner-li', at('2026-03-01T13:30:00+08:00')).ok).toBe(true);
  });
});
