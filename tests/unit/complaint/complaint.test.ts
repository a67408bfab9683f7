import { complaintRulesWith, DEFAULT_COMPLAINT_RULES, escalationChain } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { findRepeat, newComplaint, type ComplaintIntake } from '@shared/complaint/intake';
import { applyComplaintCommand, escalateOverdueComplaint, type ComplaintCommand } from '@shared/complaint/lifecycle';

const at = (iso: string) => new Date(iso).getTime();
const rules = DEFAULT_COMPLAINT_RULES;
const owner = { id: 'owner-1', role: 'homeowner' as const };
const eng = { id: 'dm-eng', role: 'deptManager' as const };

const intake = (over: Partial<ComplaintIntake> = {}): ComplaintIntake => ({
  homeownerId: 'owner-1', projectId: 'p1', category: 'constructionQuality', description: '卫生间墙砖空鼓',
  photos: [], channel: 'miniProgram', staff: null, source: null, receivedBy: owner, ...over,
});

function complaint(iso = '2026-03-01T10:00:00+08:00', over: Partial<ComplaintIntake> = {}): Complaint {
  return { _id: 'c1', ...newComplaint(intake(over), null, at(iso), rules) };
}

function step(c: Complaint, cmd: ComplaintCommand, actor: { id: string; role: 'homeowner' | 'deptManager' }, iso: string): Complaint {
  const r = applyComplaintCommand(c, cmd, actor, at(iso), rules);
  if (!r.ok) throw new Error(r.code);
  return r.data;
}

describe('routing (DOMAIN §6)', () => {
  it.each([
    ['design', 'design'],
    ['constructionQuality', 'engineering'],
    ['safety', 'engineering'],
    ['schedule', 'engineering'],
    ['civilisedSite', 'engineering'],
    ['materials', 'materials'],
    ['serviceAttitude', 'customerService'],
    ['privateCharges', 'management'],
    ['misconduct', 'management'],
  ] as const)('routes a %s complaint to the %s department the same day', (category, department) => {
    const c = complaint('2026-03-01T23:50:00+08:00', { category });
    expect(c.department).toBe(department);
    expect(c.status).toBe('forwarded');
    expect(c.history.map((e) => e.type)).toEqual(['received', 'forwarded']);
    expect(c.history[1].at).toBe(at('2026-03-01T23:50:00+08:00'));
  });

  it('follows the routing table an admin changed, keeping defaults for the rest', () => {
    const custom = complaintRulesWith({ routing: { materials: 'engineering', design: 'nowhere' }, replyWithinHours: 12 });
    expect(custom.routing.materials).toBe('engineering');
    expect(custom.routing.design).toBe('design');
    expect(custom.replyWithinHours).toBe(12);
  });

  it('climbs from the responsible department to customer-service review and then the general manager', () => {
    expect(escalationChain('engineering', ['customerService', 'management'])).toEqual(['engineering', 'customerService', 'management']);
    expect(escalationChain('customerService', ['customerService', 'management'])).toEqual(['customerService', 'management']);
    expect(escalationChain('management', ['customerService', 'management'])).toEqual(['management']);
  });
});

describe('the reply promise', () => {
  it('owes a reply within 24 hours of receipt', () => {
    expect(complaint('2026-02-28T18:00:00+08:00').replyBy).toBe(at('2026-03-01T18:00:00+08:00'));
  });

  it('makes a promised reply time the new deadline', () => {
    const c = step(complaint(), { type: 'promise', replyAt: at('2026-03-04T17:00:00+08:00'), text: '需要厂家检测' }, eng, '2026-03-01T15:00:00+08:00');
    expect(c).toMatchObject({ status: 'investigating', replyBy: at('2026-03-04T17:00:00+08:00'), nextDeadlineAt: at('2026-03-04T17:00:00+08:00') });
  });

  it('refuses a promise in the past or more than 15 days ahead', () => {
    const c = complaint();
    expect(applyComplaintCommand(c, { type: 'promise', replyAt: at('2026-03-01T09:00:00+08:00'), text: '稍后' }, eng, at('2026-03-01T10:30:00+08:00'), rules)).toMatchObject({ ok: false, code: 'COMPLAINT.PROMISE_IN_PAST' });
    expect(applyComplaintCommand(c, { type: 'promise', replyAt: at('2026-03-17T10:00:00+08:00'), text: '稍后' }, eng, at('2026-03-01T10:30:00+08:00'), rules)).toMatchObject({ ok: false, code: 'COMPLAINT.PROMISE_TOO_FAR' });
  });

  it('stops the clock when a resolution is proposed', () => {
    const c = step(complaint(), { type: 'propose', text: '免费重新铺贴空鼓墙砖' }, eng, '2026-03-01T16:00:00+08:00');
    expect(c).toMatchObject({ status: 'proposed', nextDeadlineAt: null });
  });
});

describe('the resolution loop and the escalation ladder', () => {
  it('closes when the homeowner accepts the resolution', () => {
    let c = step(complaint(), { type: 'propose', text: '免费重新铺贴空鼓墙砖' }, eng, '2026-03-01T16:00:00+08:00');
    c = step(c, { type: 'accept' }, owner, '2026-03-01T20:00:00+08:00');
    expect(c).toMatchObject({ status: 'closed', closedAt: at('2026-03-01T20:00:00+08:00') });
  });

  it('sends a rejected resolution to the next level with a fresh 24-hour deadline, then once more, then ends unresolved', () => {
    let c = step(complaint(), { type: 'propose', text: '补几块砖' }, eng, '2026-03-01T16:00:00+08:00');
    c = step(c, { type: 'reject', reason: '整面墙都空鼓' }, owner, '2026-03-02T09:00:00+08:00');
    expect(c).toMatchObject({ level: 1, department: 'customerService', status: 'forwarded', replyBy: at('2026-03-03T09:00:00+08:00') });
    c = step(c, { type: 'propose', text: '整面墙重新铺贴' }, { id: 'cs-1', role: 'deptManager' }, '2026-03-02T15:00:00+08:00');
    c = step(c, { type: 'reject', reason: '还要赔偿误工' }, owner, '2026-03-02T18:00:00+08:00');
    expect(c).toMatchObject({ level: 2, department: 'management', status: 'forwarded' });
    c = step(c, { type: 'propose', text: '重新铺贴并减免尾款 2000 元' }, { id: 'gm', role: 'deptManager' }, '2026-03-03T10:00:00+08:00');
    c = step(c, { type: 'reject', reason: '不接受' }, owner, '2026-03-03T12:00:00+08:00');
    expect(c).toMatchObject({ level: 2, status: 'unresolved', closedAt: at('2026-03-03T12:00:00+08:00'), nextDeadlineAt: null });
    expect(c.history.filter((e) => e.type === 'escalated')).toHaveLength(2);
  });

  it('lets a level-0 complaint be re-routed to another department without resetting the homeowner’s deadline', () => {
    const c = step(complaint(), { type: 'forward', department: 'materials', reason: '是瓷砖本身的质量问题' }, eng, '2026-03-01T12:00:00+08:00');
    expect(c).toMatchObject({ department: 'materials', chain: ['materials', 'customerService', 'management'], replyBy: at('2026-03-02T10:00:00+08:00') });
  });
});

describe('escalating what is late', () => {
  it('moves an unanswered complaint up one level once its deadline passes, and only once', () => {
    const c = complaint();
    expect(escalateOverdueComplaint(c, at('2026-03-02T09:59:00+08:00'), rules)).toBeNull();
    const up = escalateOverdueComplaint(c, at('2026-03-02T10:05:00+08:00'), rules);
    expect(up).toMatchObject({ level: 1, department: 'customerService', replyBy: at('2026-03-03T10:05:00+08:00'), missedDeadlines: [`0:${at('2026-03-02T10:00:00+08:00')}`] });
    expect(escalateOverdueComplaint(up as Complaint, at('2026-03-02T10:10:00+08:00'), rules)).toBeNull();
  });

  it('records a late top level once instead of climbing past it', () => {
    const top = complaint('2026-03-01T10:00:00+08:00', { category: 'privateCharges' });
    const late = escalateOverdueComplaint(top, at('2026-03-02T11:00:00+08:00'), rules) as Complaint;
    expect(late).toMatchObject({ level: 0, department: 'management' });
    expect(late.history[late.history.length - 1].type).toBe('overdueAtTop');
    expect(escalateOverdueComplaint(late, at('2026-03-02T12:00:00+08:00'), rules)).toBeNull();
  });

  it('leaves alone a complaint waiting for the homeowner', () => {
    const c = step(complaint(), { type: 'propose', text: '免费重新铺贴' }, eng, '2026-03-01T16:00:00+08:00');
    expect(escalateOverdueComplaint(c, at('2026-03-10T10:00:00+08:00'), rules)).toBeNull();
  });
});

describe('repeats (004 §4.3)', () => {
  const earlier = [
    { _id: 'old', homeownerId: 'owner-1', category: 'constructionQuality' as const, receivedAt: at('2026-02-01T10:00:00+08:00') },
    { _id: 'recent', homeownerId: 'owner-1', category: 'constructionQuality' as const, receivedAt: at('2026-02-10T10:00:00+08:00') },
    { _id: 'other-topic', homeownerId: 'owner-1', category: 'design' as const, receivedAt: at('2026-02-28T10:00:00+08:00') },
  ];

  it('links the same homeowner and topic within 30 days to the latest earlier complaint', () => {
    expect(findRepeat(earlier, { homeownerId: 'owner-1', category: 'constructionQuality' }, at('2026-03-01T10:00:00+08:00'), rules)).toBe('recent');
  });

  it('does not count a complaint older than 30 days, another topic, or another homeowner', () => {
    expect(findRepeat(earlier, { homeownerId: 'owner-1', category: 'constructionQuality' }, at('2026-03-12T10:00:01+08:00'), rules)).toBeNull();
    expect(findRepeat(earlier, { homeownerId: 'owner-1', category: 'materials' }, at('2026-03-01T10:00:00+08:00'), rules)).toBeNull();
    expect(findRepeat(earlier, { homeownerId: 'owner-2', category: 'constructionQuality' }, at('2026-03-01T10:00:00+08:00'), rules)).toBeNull();
  });

  it('raises a repeat’s priority', () => {
    expect(newComplaint(intake(), 'recent', at('2026-03-01T10:00:00+08:00'), rules)).toMatchObject({ priority: 'high', repeatOf: 'recent' });
  });

  it('makes the customer-service agent who took a phone complaint its first owner', () => {
    const c = newComplaint(intake({ channel: 'phone', receivedBy: { id: 'cs-xu', role: 'customerService' } }), null, at('2026-03-01T10:00:00+08:00'), rules);
    expect(c.firstOwnerId).toBe('cs-xu');
  });
});
