import { checkMilestoneChange, isCalendarDate, recordableMilestones, type MilestoneInput } from '@shared/project/milestones';
import type { Project } from '@shared/project/project';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-03-01T10:00:00+08:00');
const BY = { id: 'sm-zhang', name: '张建国' };

type State = Pick<Project, 'milestones' | 'warrantyRegisteredBy'>;
const project = (milestones: Project['milestones'], warrantyRegisteredBy?: Project['warrantyRegisteredBy']): State =>
  warrantyRegisteredBy ? { milestones, warrantyRegisteredBy } : { milestones };
const check = (p: State, input: MilestoneInput, now = NOW) => checkMilestoneChange(p, input, BY, now);

/** A project well under way: every date before 2026-03-01. */
const UNDER_WAY = { depositPaid: '2025-11-02', contractSigned: '2025-11-20', started: '2025-12-01', concealedWorksDone: '2025-12-20' };

describe('recording a milestone (DOMAIN §2)', () => {
  it('records a first date and keeps who recorded it, when, and that nothing was there before', () => {
    const r = check(project({}), { milestone: 'depositPaid', date: '2026-02-27' });
    expect(r).toEqual({
      ok: true,
      data: {
        milestones: { depositPaid: '2026-02-27' },
        warrantyRegisteredBy: null,
        change: { milestone: 'depositPaid', from: null, to: '2026-02-27', by: 'sm-zhang', byName: '张建国', at: NOW, reason: null },
      },
    });
  });

  it('keeps a reason given with a first recording', () => {
    const r = check(project({}), { milestone: 'depositPaid', date: '2026-02-27', reason: ' 补录 ' });
    expect(r.ok && r.data.change?.reason).toBe('补录');
  });

  it('changes nothing when the same date is recorded again', () => {
    const r = check(project({ started: '2026-02-20' }), { milestone: 'started', date: '2026-02-20' });
    expect(r).toEqual({ ok: true, data: { milestones: { started: '2026-02-20' }, warrantyRegisteredBy: null, change: null } });
  });

  it('changes nothing when a milestone that was never recorded is removed', () => {
    const r = check(project({}), { milestone: 'midPayment', date: null });
    expect(r.ok && r.data.change).toBeNull();
  });
});

describe('the date itself', () => {
  it('refuses a day that does not exist, such as 2026-02-30', () => {
    expect(check(project({}), { milestone: 'depositPaid', date: '2026-02-30' })).toMatchObject({ ok: false, code: 'PROJECT.BAD_DATE', fields: { date: '日期不存在' } });
    expect(check(project({}), { milestone: 'depositPaid', date: '2026-13-01' })).toMatchObject({ ok: false, code: 'PROJECT.BAD_DATE' });
  });

  it('takes 29 February in a leap year only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });

  it('refuses a date after today in China, even when it is still yesterday in UTC', () => {
    // 2026-03-01 01:00 CST is 2026-02-28 17:00 UTC: today is 2026-03-01 in China
    const early = at('2026-03-01T01:00:00+08:00');
    expect(check(project({}), { milestone: 'depositPaid', date: '2026-03-01' }, early)).toMatchObject({ ok: true });
    expect(check(project({}), { milestone: 'depositPaid', date: '2026-03-02' }, early)).toMatchObject({
      ok: false, code: 'PROJECT.DATE_IN_FUTURE', message: '「订金已交」的日期不能晚于今天（2026-03-01），请在发生后再记录',
    });
  });

  it('takes a contract completion date in the future', () => {
    const r = check(project({ contractSigned: '2026-02-10' }), { milestone: 'plannedCompletion', date: '2026-06-30' });
    expect(r.ok && r.data.milestones.plannedCompletion).toBe('2026-06-30');
  });
});

describe('what a milestone needs first', () => {
  it('asks for the start of work before concealed works, the mid-stage payment, completion or the final payment', () => {
    for (const milestone of ['concealedWorksDone', 'midPayment', 'completed', 'finalPayment'] as const) {
      expect(check(project({ contractSigned: '2026-01-10' }), { milestone, date: '2026-02-20' })).toMatchObject({
        ok: false, code: 'PROJECT.MILESTONE_TOO_EARLY', message: '请先记录开工日期',
      });
    }
  });

  it('asks for completion before the warranty and the feedback form', () => {
    for (const milestone of ['warrantyRegistered', 'feedbackFormReceived'] as const) {
      expect(check(project({ started: '2026-01-05' }), { milestone, date: '2026-02-20', warrantyBy: 'homeowner' })).toMatchObject({
        ok: false, code: 'PROJECT.MILESTONE_TOO_EARLY', message: '请先记录竣工日期',
      });
    }
  });

  it('offers for recording only what has its prerequisite recorded', () => {
    expect(recordableMilestones({})).toEqual(['depositPaid', 'contractSigned', 'started', 'plannedCompletion']);
    expect(recordableMilestones({ started: '2026-01-05' })).toEqual([
      'depositPaid', 'contractSigned', 'started', 'concealedWorksDone', 'midPayment', 'plannedCompletion', 'completed', 'finalPayment',
    ]);
    expect(recordableMilestones({ started: '2026-01-05', completed: '2026-02-20' })).toHaveLength(10);
  });
});

describe('the order of milestones', () => {
  it('refuses a start of work before the contract was signed, naming the contract date', () => {
    expect(check(project({ contractSigned: '2026-02-10' }), { milestone: 'started', date: '2026-02-09' })).toEqual({
      ok: false, code: 'PROJECT.MILESTONE_ORDER', message: '「开工」不能早于「合同签单」（2026-02-10）', fields: { date: '不能早于2026-02-10' },
    });
  });

  it('refuses a contract signed before the deposit was paid', () => {
    expect(check(project({ depositPaid: '2026-02-10' }), { milestone: 'contractSigned', date: '2026-02-01' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
  });

  it('refuses correcting the start of work to after the recorded concealed works', () => {
    const r = check(project(UNDER_WAY), { milestone: 'started', date: '2025-12-21', reason: '日期记错了' });
    expect(r).toEqual({
      ok: false, code: 'PROJECT.MILESTONE_ORDER', message: '「开工」不能晚于已记录的「隐蔽工程验收」（2025-12-20），如有误请先修改「隐蔽工程验收」',
      fields: { date: '不能晚于2025-12-20' },
    });
  });

  it('takes a milestone on the same day as the one before it', () => {
    expect(check(project(UNDER_WAY), { milestone: 'midPayment', date: '2025-12-20' })).toMatchObject({ ok: true });
  });

  it('refuses a mid-stage payment before the concealed works were accepted', () => {
    expect(check(project(UNDER_WAY), { milestone: 'midPayment', date: '2025-12-19' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER', fields: { date: '不能早于2025-12-20' } });
  });

  it('refuses a completion before the mid-stage payment', () => {
    expect(check(project({ ...UNDER_WAY, midPayment: '2026-01-15' }), { milestone: 'completed', date: '2026-01-14' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
  });

  it('refuses a contract completion date before work started', () => {
    expect(check(project(UNDER_WAY), { milestone: 'plannedCompletion', date: '2025-11-30' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
  });

  it('refuses a warranty registered before completion', () => {
    const done = { ...UNDER_WAY, completed: '2026-02-10' };
    expect(check(project(done), { milestone: 'warrantyRegistered', date: '2026-02-09', warrantyBy: 'homeowner' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
  });

  it('refuses a final payment or a feedback form dated before work started', () => {
    const done = { ...UNDER_WAY, completed: '2026-02-10' };
    expect(check(project(done), { milestone: 'finalPayment', date: '2025-11-30' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
    expect(check(project(done), { milestone: 'feedbackFormReceived', date: '2025-11-30' })).toMatchObject({ code: 'PROJECT.MILESTONE_ORDER' });
  });
});

describe('the warranty', () => {
  const done = { ...UNDER_WAY, completed: '2026-02-10' };

  it('asks whether the homeowner registered the warranty in person or someone did it for them', () => {
    expect(check(project(done), { milestone: 'warrantyRegistered', date: '2026-02-12' })).toMatchObject({
      ok: false, code: 'PROJECT.WARRANTY_BY_REQUIRED', fields: { warrantyBy: '请选择保修由谁办理' },
    });
  });

  it('keeps who registered the warranty', () => {
    const r = check(project(done), { milestone: 'warrantyRegistered', date: '2026-02-12', warrantyBy: 'proxy' });
    expect(r.ok && r.data.warrantyRegisteredBy).toBe('proxy');
  });

  it('changes nothing when the same date and the same registrant are recorded again', () => {
    const p = project({ ...done, warrantyRegistered: '2026-02-12' }, 'proxy');
    expect(check(p, { milestone: 'warrantyRegistered', date: '2026-02-12', warrantyBy: 'proxy' })).toMatchObject({ ok: true, data: { change: null } });
    expect(check(p, { milestone: 'warrantyRegistered', date: '2026-02-12' })).toMatchObject({ ok: true, data: { change: null } });
  });

  it('treats a different registrant for the same date as a correction that needs a reason and is written into the history', () => {
    const p = project({ ...done, warrantyRegistered: '2026-02-12' }, 'homeowner');
    expect(check(p, { milestone: 'warrantyRegistered', date: '2026-02-12', warrantyBy: 'proxy' })).toMatchObject({ code: 'PROJECT.REASON_REQUIRED' });
    const r = check(p, { milestone: 'warrantyRegistered', date: '2026-02-12', warrantyBy: 'proxy', reason: '工长代办' });
    expect(r.ok && r.data.warrantyRegisteredBy).toBe('proxy');
    expect(r.ok && r.data.change?.reason).toBe('工长代办（办理方式：业主本人办理 → 工长/现场负责人代办）');
  });

  it('forgets who registered the warranty when the warranty is removed', () => {
    const p = project({ ...done, warrantyRegistered: '2026-02-12' }, 'proxy');
    const r = check(p, { milestone: 'warrantyRegistered', date: null, reason: '录错项目' });
    expect(r.ok && r.data).toMatchObject({ warrantyRegisteredBy: null, milestones: done });
  });
});

describe('corrections and removals', () => {
  it('needs a reason of at least 2 characters to correct a recorded date', () => {
    const p = project({ started: '2026-02-20' });
    expect(check(p, { milestone: 'started', date: '2026-02-18' })).toMatchObject({
      ok: false, code: 'PROJECT.REASON_REQUIRED', fields: { reason: '请写明原因，至少 2 个字' },
    });
    expect(check(p, { milestone: 'started', date: '2026-02-18', reason: ' 错 ' })).toMatchObject({ code: 'PROJECT.REASON_REQUIRED' });
    const r = check(p, { milestone: 'started', date: '2026-02-18', reason: '实际 18 日进场' });
    expect(r.ok && r.data.change).toMatchObject({ from: '2026-02-20', to: '2026-02-18', reason: '实际 18 日进场' });
  });

  it('needs a reason to remove a recorded date', () => {
    const p = project({ depositPaid: '2026-02-10' });
    expect(check(p, { milestone: 'depositPaid', date: null })).toMatchObject({ code: 'PROJECT.REASON_REQUIRED' });
    const r = check(p, { milestone: 'depositPaid', date: null, reason: '录错项目' });
    expect(r.ok && r.data).toMatchObject({ milestones: {}, change: { from: '2026-02-10', to: null } });
  });

  it('refuses to remove the start of work while a milestone that needs it is recorded', () => {
    expect(check(project(UNDER_WAY), { milestone: 'started', date: null, reason: '录错项目' })).toMatchObject({
      ok: false, code: 'PROJECT.MILESTONE_NEEDED', message: '已记录「隐蔽工程验收」，「开工」不能删除；如有误请先删除「隐蔽工程验收」',
    });
  });

  it('refuses to remove completion while the warranty is recorded', () => {
    const p = project({ ...UNDER_WAY, completed: '2026-02-10', warrantyRegistered: '2026-02-12' }, 'homeowner');
    expect(check(p, { milestone: 'completed', date: null, reason: '尚未竣工' })).toMatchObject({ code: 'PROJECT.MILESTONE_NEEDED' });
  });

  it('leaves the project it was given unchanged', () => {
    const milestones = { started: '2026-02-20' };
    check(project(milestones), { milestone: 'started', date: null, reason: '录错项目' });
    expect(milestones).toEqual({ started: '2026-02-20' });
  });
});
