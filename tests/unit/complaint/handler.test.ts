import { needsHandler, pickHandler } from '@shared/complaint/handler';
import { acknowledgementText, furtherRemedies, handlerLabel } from '@shared/complaint/remedy';
import type { User } from '@shared/core/roles';

const person = (id: string, roles: User['roles'], department?: User['department']): User => ({ _id: id, name: id, phone: '', roles, ...(department ? { department } : {}) });
const engA = person('dm-eng-a', ['deptManager'], 'engineering');
const engB = person('dm-eng-b', ['deptManager'], 'engineering');
const cs = person('cs-xu', ['customerService'], 'customerService');
const admin = person('admin-zhou', ['admin']);
const at = (iso: string) => new Date(iso).getTime();

describe('the named handler of a complaint (首问负责制)', () => {
  it('is a manager of the department that answers, the one with fewest open complaints, then the first by id', () => {
    expect(pickHandler('engineering', [engB, engA, cs, admin], new Map())?._id).toBe('dm-eng-a');
    expect(pickHandler('engineering', [engB, engA, cs, admin], new Map([['dm-eng-a', 3], ['dm-eng-b', 1]]))?._id).toBe('dm-eng-b');
  });

  it('is a customer-service agent for customer service without a manager, and an admin where the department has nobody', () => {
    expect(pickHandler('customerService', [engA, cs, admin], new Map())?._id).toBe('cs-xu');
    expect(pickHandler('materials', [engA, cs, admin], new Map())?._id).toBe('admin-zhou');
    expect(pickHandler('materials', [engA, cs], new Map())).toBeNull();
  });

  it('changes only when there is none or the complaint moved to another department', () => {
    expect(needsHandler({ department: 'engineering', handlerId: 'a' }, { department: 'engineering', handlerId: 'a' })).toBe(false);
    expect(needsHandler({ department: 'engineering', handlerId: 'a' }, { department: 'customerService', handlerId: 'a' })).toBe(true);
    expect(needsHandler(null, { department: 'engineering', handlerId: null })).toBe(true);
  });
});

describe('what the homeowner is told', () => {
  it('the acknowledgement names the reference, the handler and both deadlines in China time', () => {
    const text = acknowledgementText(
      { ref: 'TS-20261129-0003', department: 'engineering' },
      { at: at('2026-11-29T10:05:00+08:00'), replyBy: at('2026-11-30T10:05:00+08:00'), resultBy: at('2026-12-06T10:05:00+08:00') },
      '刘经理',
    );
    expect(text).toBe('很抱歉给您带来不好的体验。您的投诉已于 11月29日 10:05 受理，编号 TS-20261129-0003。处理人：刘经理（工程部）。我们会在 11月30日 10:05 前答复您，处理结果最迟在 12月6日 前告知您。');
  });

  it('without a named handler the department is named', () => {
    expect(handlerLabel({ department: 'design' }, null)).toBe('设计部');
    expect(handlerLabel({ department: 'design' }, '何经理')).toBe('何经理（设计部）');
  });

  it('the result names the review, the hotline, the regulator’s 12315 and mediation or the courts', () => {
    const ways = furtherRemedies('400-820-1234', true);
    expect(ways[0]).toContain('上一级复审');
    expect(ways.join('\n')).toContain('400-820-1234');
    expect(ways.join('\n')).toContain('12315');
    expect(ways.join('\n')).toContain('市场监督管理部门');
    expect(furtherRemedies('400-820-1234', false).some((w) => w.includes('复审'))).toBe(false);
  });
});
