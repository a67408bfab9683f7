import { DEFAULT_SCHEDULE, scheduleWith } from '@shared/followup/config';
import { reconcileFollowUps, type StoredFollowUp } from '@shared/followup/reconcile';
import { followUpPlan, warrantyMonths, type ScheduleInput } from '@shared/followup/schedule';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-03-01T10:00:00+08:00');

function plan(milestones: ScheduleInput['milestones'], extra: Partial<ScheduleInput> = {}, now = NOW) {
  return followUpPlan({ milestones, repairsResolved: [], complaintsProposed: [], ...extra }, DEFAULT_SCHEDULE, now);
}
const row = (p: ReturnType<typeof plan>, key: string) => p.find((r) => r.key === key);

describe('the follow-up plan, row by row (DOMAIN §3)', () => {
  it('welcomes the homeowner on the day the deposit is paid', () => {
    expect(row(plan({ depositPaid: '2026-02-27' }), 'depositWelcome')).toEqual({ key: 'depositWelcome', kind: 'depositWelcome', dueDate: '2026-02-27', windowEnd: '2026-02-27' });
  });

  it('visits the early stage 10 days after work starts, open until day 15', () => {
    expect(row(plan({ started: '2026-02-20' }), 'earlyStage')).toMatchObject({ dueDate: '2026-03-02', windowEnd: '2026-03-07' });
  });

  it('counts the early stage across the end of February in a leap year', () => {
    expect(row(plan({ started: '2028-02-25' }), 'earlyStage')).toMatchObject({ dueDate: '2028-03-06', windowEnd: '2028-03-11' });
    expect(row(plan({ started: '2028-02-19' }), 'earlyStage')).toMatchObject({ dueDate: '2028-02-29' });
  });

  it('follows up within 3 days of concealed works and of the mid-stage payment', () => {
    const p = plan({ concealedWorksDone: '2026-03-30', midPayment: '2026-04-29' });
    expect(row(p, 'concealedWorks')).toMatchObject({ dueDate: '2026-03-30', windowEnd: '2026-04-02' });
    expect(row(p, 'midStage')).toMatchObject({ dueDate: '2026-04-29', windowEnd: '2026-05-02' });
  });

  it('visits 3 days before the contract completion date', () => {
    expect(row(plan({ started: '2026-01-05', plannedCompletion: '2026-05-02' }), 'preCompletion')).toMatchObject({ dueDate: '2026-04-29', windowEnd: '2026-05-01' });
  });

  it('asks about a late completion the day after the contract date passes, and again when it comes', () => {
    const waiting = plan({ started: '2026-01-05', plannedCompletion: '2026-02-27' });
    expect(row(waiting, 'lateCompletion:check')).toMatchObject({ kind: 'lateCompletion', dueDate: '2026-02-28', windowEnd: '2026-03-03' });
    expect(row(waiting, 'lateCompletion:done')).toBeUndefined();
    const done = plan({ started: '2026-01-05', plannedCompletion: '2026-02-27', completed: '2026-03-12' });
    expect(row(done, 'lateCompletion:done')).toMatchObject({ dueDate: '2026-03-12', windowEnd: '2026-03-15' });
  });

  it('plans nothing late while the contract date has not passed, or when work finished on time', () => {
    expect(row(plan({ started: '2026-01-05', plannedCompletion: '2026-03-01' }), 'lateCompletion:check')).toBeUndefined();
    expect(row(plan({ started: '2026-01-05', plannedCompletion: '2026-02-20', completed: '2026-02-18' }), 'lateCompletion:check')).toBeUndefined();
  });

  it('visits within 10 days once completion, final payment and warranty are all recorded, from the last of them', () => {
    expect(row(plan({ completed: '2026-02-10', finalPayment: '2026-02-14' }), 'completion')).toBeUndefined();
    expect(row(plan({ completed: '2026-02-10', finalPayment: '2026-02-14', warrantyRegistered: '2026-02-12' }), 'completion')).toMatchObject({ dueDate: '2026-02-14', windowEnd: '2026-02-24' });
  });

  it('asks for an overall evaluation once when someone else registered the warranty for the homeowner', () => {
    const m = { warrantyRegistered: '2026-02-12', feedbackFormReceived: '2026-02-12' };
    expect(row(plan(m, { warrantyRegisteredBy: 'proxy' }), 'proxyWarranty')).toMatchObject({ dueDate: '2026-02-12', windowEnd: '2026-02-19' });
    expect(row(plan(m, { warrantyRegisteredBy: 'homeowner' }), 'proxyWarranty')).toBeUndefined();
  });

  it('follows up once more when the warranty is registered but no feedback form came back', () => {
    expect(row(plan({ warrantyRegistered: '2026-02-12' }), 'missingFeedbackForm')).toMatchObject({ dueDate: '2026-02-19', windowEnd: '2026-02-26' });
    expect(row(plan({ warrantyRegistered: '2026-02-12', feedbackFormReceived: '2026-02-20' }), 'missingFeedbackForm')).toBeUndefined();
  });

  it('follows up quarterly in year 1, half-yearly in year 2, then yearly to the 5-year horizon', () => {
    const p = plan({ completed: '2026-11-30' }).filter((r) => r.kind === 'warranty');
    expect(p.map((r) => r.dueDate)).toEqual([
      '2027-02-28', '2027-05-30', '2027-08-30', '2027-11-30', // year 1, every quarter (February clamps to its last day)
      '2028-05-30', '2028-11-30', // year 2, every half year
      '2029-11-30', '2030-11-30', '2031-11-30', // then every year until year 5
    ]);
    expect(p[0]).toMatchObject({ key: 'warranty:3', windowEnd: '2027-03-15' });
  });

  it('lands a quarter on 29 February in a leap year', () => {
    expect(plan({ completed: '2027-11-29' }).find((r) => r.key === 'warranty:3')?.dueDate).toBe('2028-02-29');
  });

  it('follows up the day after a repair is resolved and after a complaint’s resolution is proposed, in CST', () => {
    const p = plan({}, {
      repairsResolved: [{ id: 't1', at: at('2026-03-01T23:30:00+08:00') }],
      complaintsProposed: [{ id: 'c1', at: at('2026-02-28T16:30:00Z') }], // 2026-03-01 00:30 in Beijing
    });
    expect(row(p, 'afterRepair:t1')).toMatchObject({ kind: 'afterRepair', subjectId: 't1', dueDate: '2026-03-02', windowEnd: '2026-03-05' });
    expect(row(p, 'afterComplaint:c1')).toMatchObject({ dueDate: '2026-03-02' });
  });

  it('lists the plan by due date', () => {
    const p = plan({ depositPaid: '2026-01-02', contractSigned: '2026-01-10', started: '2026-01-20', concealedWorksDone: '2026-02-15' });
    expect(p.map((r) => r.key)).toEqual(['depositWelcome', 'earlyStage', 'concealedWorks']);
  });
});

describe('schedule configuration', () => {
  it('uses the numbers an admin set and the defaults for the rest', () => {
    const c = scheduleWith({ earlyStageOffsetDays: 7, warrantyHorizonYears: 2, completionWithinDays: 'soon', midStageWithinDays: -1 });
    expect(c).toMatchObject({ earlyStageOffsetDays: 7, warrantyHorizonYears: 2, completionWithinDays: 10, midStageWithinDays: 3 });
    expect(warrantyMonths(c)).toEqual([3, 6, 9, 12, 18, 24]);
    expect(followUpPlan({ milestones: { started: '2026-02-20' }, repairsResolved: [], complaintsProposed: [] }, c, NOW)[0]).toMatchObject({ dueDate: '2026-02-27' });
  });
});

describe('bringing stored follow-ups up to date', () => {
  const stored = (key: string, state: StoredFollowUp['state'], dueDate: string, windowEnd = dueDate): StoredFollowUp => ({ key, state, dueDate, windowEnd });

  it('adds what is new and leaves alone what is stored the same, so recording twice duplicates nothing', () => {
    const p = plan({ depositPaid: '2026-01-02', started: '2026-01-20' });
    const first = reconcileFollowUps([], p);
    expect(first.add.map((r) => r.key)).toEqual(['depositWelcome', 'earlyStage']);
    const again = reconcileFollowUps(first.add.map((r) => stored(r.key, 'pending', r.dueDate, r.windowEnd)), p);
    expect(again).toEqual({ add: [], move: [], cancel: [] });
  });

  it('moves a pending follow-up when its milestone is corrected, but never one already sent', () => {
    const corrected = plan({ started: '2026-01-22' });
    expect(reconcileFollowUps([stored('earlyStage', 'pending', '2026-01-30', '2026-02-04')], corrected).move).toEqual([
      expect.objectContaining({ key: 'earlyStage', dueDate: '2026-02-01', windowEnd: '2026-02-06' }),
    ]);
    expect(reconcileFollowUps([stored('earlyStage', 'sent', '2026-01-30', '2026-02-04')], corrected)).toEqual({ add: [], move: [], cancel: [] });
  });

  it('cancels a pending follow-up the plan no longer calls for, and brings it back if it does again', () => {
    const s = [stored('missingFeedbackForm', 'pending', '2026-02-19', '2026-02-26')];
    expect(reconcileFollowUps(s, plan({ warrantyRegistered: '2026-02-12', feedbackFormReceived: '2026-02-15' })).cancel).toEqual(['missingFeedbackForm']);
    const back = reconcileFollowUps([{ ...s[0], state: 'cancelled' }], plan({ warrantyRegistered: '2026-02-12' }));
    expect(back.move.map((r) => r.key)).toEqual(['missingFeedbackForm']);
  });
});
