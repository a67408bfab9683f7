import { calledFollowUp, callScript, checkCall, orderPhoneTasks, phoneTaskSummary, type CallRules } from '@shared/followup/calls';
import { DEFAULT_CONTACT_WINDOWS, PREFERRED_TIME_PRESETS } from '@shared/followup/contact';
import { phoneTaskFollowUp } from '@shared/followup/dispatch';
import { newFollowUp, type FollowUp } from '@shared/followup/followup';
import { answeredFollowUps, homeTimeline, subscriptionStates, waitingFollowUps } from '@shared/followup/home';
import { answeredCount } from '@shared/survey/answers';

const at = (iso: string) => new Date(iso).getTime();
const AGENT = { _id: 'cs-xu', name: '徐客服' };
const NOW = at('2026-03-11T10:00:00+08:00');
const RULES: CallRules = { now: NOW, windows: DEFAULT_CONTACT_WINDOWS, retryCallAfterHours: 2, maxCallAttempts: 3, minCallSpacingMinutes: 60 };
const SPACING = { minCallSpacingMinutes: 60 };

function task(over: Partial<FollowUp> = {}): FollowUp {
  const planned = { key: 'midStage', kind: 'midStage' as const, dueDate: '2026-03-11', windowEnd: '2026-03-14' };
  const f = { _id: 'p-cuihu--midStage', ...newFollowUp({ _id: 'p-cuihu', homeownerId: 'owner-li' }, planned, at('2026-03-01T10:00:00+08:00')) };
  return { ...phoneTaskFollowUp(f, 'noCredit', NOW, NOW), ...over };
}

describe("logging customer service's call", () => {
  it('keeps the task at the time the homeowner named when it was not a good time', () => {
    const later = at('2026-03-12T19:00:00+08:00');
    const r = calledFollowUp(task(), { outcome: 'notNow', note: '在开会', callAt: later }, AGENT, RULES);
    expect(r).toMatchObject({ ok: true, data: { state: 'phoneTask', callAt: later } });
    if (r.ok) expect(r.data.attempts).toEqual([{ at: NOW, by: 'cs-xu', byName: '徐客服', outcome: 'notNow', note: '在开会', callAt: later }]);
  });

  it('refuses "not now" without a time, or with a time already past', () => {
    expect(checkCall(task(), { outcome: 'notNow', note: '' }, NOW, SPACING)).toMatchObject({ code: 'FOLLOWUP.CALL_AT_REQUIRED' });
    expect(checkCall(task(), { outcome: 'notNow', note: '', callAt: NOW }, NOW, SPACING)).toMatchObject({ code: 'FOLLOWUP.CALL_AT_IN_PAST' });
  });

  /** The task after calls logged at these times with these outcomes, each under the rules at its own time. */
  function calledAt(steps: [string, 'unreachable' | 'dropped' | 'notNow', string?][]): FollowUp {
    let f = task();
    for (const [iso, outcome, callAt] of steps) {
      const r = calledFollowUp(f, { outcome, note: '', ...(callAt ? { callAt: at(callAt) } : {}) }, AGENT, { ...RULES, now: at(iso) });
      if (!r.ok) throw new Error(`${iso} ${outcome}: ${r.code}`);
      f = r.data;
    }
    return f;
  }

  it('no frequent calls in a short time (003 三.6): a second call within the spacing is refused, saying from when', () => {
    const f = calledAt([['2026-03-11T10:00:00+08:00', 'unreachable']]);
    const r = calledFollowUp(f, { outcome: 'unreachable', note: '' }, AGENT, { ...RULES, now: at('2026-03-11T10:30:00+08:00') });
    expect(r).toMatchObject({ ok: false, code: 'FOLLOWUP.TOO_SOON' });
    if (!r.ok) expect(r.message).toContain('3月11日 11:00');
    expect(calledFollowUp(f, { outcome: 'unreachable', note: '' }, AGENT, { ...RULES, now: at('2026-03-11T11:00:00+08:00') })).toMatchObject({ ok: true });
  });

  it('a dropped call can be redialled at once (002), and stays first in the list', () => {
    const f = calledAt([['2026-03-11T10:00:00+08:00', 'dropped']]);
    expect(f).toMatchObject({ state: 'phoneTask', callAt: at('2026-03-11T10:00:00+08:00') });
    expect(checkCall(f, { outcome: 'declined', note: '' }, at('2026-03-11T10:01:00+08:00'), SPACING)).toBeNull();
  });

  it('calls the homeowner back at the time they named, even sooner than the spacing', () => {
    const f = calledAt([['2026-03-11T10:00:00+08:00', 'notNow', '2026-03-11T10:20:00+08:00']]);
    expect(checkCall(f, { outcome: 'declined', note: '' }, at('2026-03-11T10:10:00+08:00'), SPACING)).toMatchObject({ code: 'FOLLOWUP.TOO_SOON' });
    expect(checkCall(f, { outcome: 'declined', note: '' }, at('2026-03-11T10:20:00+08:00'), SPACING)).toBeNull();
  });

  it('stops after the limit of calls that did not reach the homeowner: the third closes the task, saying why', () => {
    const f = calledAt([
      ['2026-03-11T10:00:00+08:00', 'unreachable'],
      ['2026-03-11T15:00:00+08:00', 'dropped'],
      ['2026-03-11T15:01:00+08:00', 'unreachable'],
    ]);
    expect(f).toMatchObject({ state: 'done', callAt: null, nextActionAt: null });
    expect(f.attempts).toHaveLength(3);
    expect(f.history[f.history.length - 1]).toMatchObject({ event: 'gaveUp', note: '已拨打 3 次未能接通，为免频繁打扰，不再拨打' });
    // 不方便 is the homeowner's choice of time, not a missed call
    expect(calledAt([['2026-03-11T10:00:00+08:00', 'notNow', '2026-03-11T11:00:00+08:00'], ['2026-03-11T11:00:00+08:00', 'unreachable'], ['2026-03-11T15:00:00+08:00', 'unreachable']])).toMatchObject({ state: 'phoneTask' });
  });

  it('tries an unreachable homeowner again 2 hours later, moved into the next contact window', () => {
    const r = calledFollowUp(task(), { outcome: 'unreachable', note: '' }, AGENT, RULES);
    // 12:00 is lunchtime, between the windows: the afternoon window opens at 15:00
    expect(r).toMatchObject({ ok: true, data: { state: 'phoneTask', callAt: at('2026-03-11T15:00:00+08:00') } });
  });

  it("tries an unreachable evening homeowner again in their own window", () => {
    const r = calledFollowUp(task(), { outcome: 'unreachable', note: '' }, AGENT, { ...RULES, windows: PREFERRED_TIME_PRESETS[1].windows });
    expect(r).toMatchObject({ ok: true, data: { callAt: at('2026-03-11T19:30:00+08:00') } });
  });

  it('closes the follow-up when the homeowner declines, keeping the attempt and the history', () => {
    const r = calledFollowUp(task(), { outcome: 'declined', note: '不想回答' }, AGENT, RULES);
    expect(r).toMatchObject({ ok: true, data: { state: 'done', callAt: null, nextActionAt: null } });
    if (r.ok) expect(r.data.history[r.data.history.length - 1]).toEqual({ at: NOW, event: 'call', by: 'cs-xu', note: '业主不愿回答：不想回答' });
  });

  it('refuses a call on a follow-up that is not a phone task', () => {
    expect(calledFollowUp(task({ state: 'sent' }), { outcome: 'declined', note: '' }, AGENT, RULES)).toMatchObject({ ok: false, code: 'FOLLOWUP.NOT_A_TASK' });
  });

  it('writes a script with the greeting, the purpose, asking for a better time and the hotline', () => {
    const script = callScript({ kind: 'midStage', projectName: '翠湖花园 3-1201', homeownerName: '李女士', agentName: '徐客服', hotline: '400-820-1234', companyName: '匠心家装', minutes: 9 });
    expect(script[0]).toBe('您好，请问是李女士吗？我是匠心家装的客服徐客服。');
    expect(script[1]).toContain('中期回访（翠湖花园 3-1201）');
    expect(script).toContain('不方便的话请问什么时间方便？');
    expect(script[3]).toBe('我们的回访就是这些，占用您的时间了。您反映的问题我会今天就转告相关部门负责人处理，并跟进处理结果。');
    expect(script[4]).toContain('400-820-1234');
  });

  it('introduces the company by its configured name, or as 装修公司 when none is set', () => {
    const script = callScript({ kind: 'midStage', projectName: '翠湖花园 3-1201', homeownerName: '李女士', agentName: '徐客服', hotline: '400-820-1234', companyName: '', minutes: 9 });
    expect(script[0]).toBe('您好，请问是李女士吗？我是装修公司的客服徐客服。');
  });

  it('masks the phone in the list of tasks', () => {
    const s = phoneTaskSummary(task(), { projectName: '翠湖花园 3-1201', homeowner: { name: '李女士', phone: '13800138001' } });
    expect(s).toMatchObject({ homeownerPhone: '138****8001', reason: 'noCredit', reasonLabel: '业主没有可用的订阅消息次数', label: '中期回访', attempts: 0, priority: false });
  });

  it('marks a homeowner who complained before as a priority follow-up, and lists them first among the calls due now, never ahead of their time', () => {
    const mark = (complaints: number) => phoneTaskSummary(task(), { projectName: '翠湖花园 3-1201', homeowner: { name: '李女士', phone: '13800138001' }, complaints });
    expect(mark(1)).toMatchObject({ priority: true, priorityLabel: '重点回访：业主投诉过 1 次' });
    expect(mark(0)).toMatchObject({ priority: false, priorityLabel: '' });
    const t = (id: string, callAt: number | null, priority: boolean) => ({ id, callAt, priority });
    const ordered = orderPhoneTasks([t('later-priority', NOW + 3_600_000, true), t('due', NOW - 60_000, false), t('due-priority', NOW, true), t('unset', null, false)], NOW);
    expect(ordered.map((x) => x.id)).toEqual(['due-priority', 'unset', 'due', 'later-priority']);
  });
});

describe("the homeowner's home page", () => {
  it('shows every milestone with its date, the latest reached one current, the contract date never current', () => {
    const steps = homeTimeline({ depositPaid: '2026-01-10', started: '2026-02-20', plannedCompletion: '2026-06-30' });
    expect(steps).toHaveLength(10);
    expect(steps.find((s) => s.current)).toMatchObject({ milestone: 'started', label: '开工', date: '2026-02-20' });
    expect(steps.find((s) => s.milestone === 'plannedCompletion')).toMatchObject({ label: '合同竣工日', date: '2026-06-30', current: false });
    expect(homeTimeline({}).some((s) => s.current)).toBe(false);
  });

  it('counts the questions a saved draft answered', () => {
    const questions = [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }];
    expect(answeredCount(questions, { q1: 'yes', q2: '', q3: 4, other: 'x' })).toEqual({ answered: 2, total: 3 });
    expect(answeredCount(questions, null)).toEqual({ answered: 0, total: 3 });
  });

  it('lists what can be answered now (window open, still owed, with questions) and the newest answered', () => {
    const f = task();
    const early = { ...f, _id: 'b', key: 'b', dueDate: '2026-03-20', state: 'pending' as const };
    const answered = [1, 2, 3].map((i) => ({ ...f, _id: `a${i}`, state: 'answered' as const, answeredAt: NOW + i }));
    expect(waitingFollowUps([f, early, ...answered], NOW, () => true).map((x) => x._id)).toEqual(['p-cuihu--midStage']);
    expect(waitingFollowUps([f], NOW, () => false)).toEqual([]);
    expect(answeredFollowUps(answered, 2).map((x) => x._id)).toEqual(['a3', 'a2']);
  });

  it('lists each configured template once, with the credits left', () => {
    const same = { id: 'tpl-1', fields: { thing1: 'title' as const } };
    const states = subscriptionStates({ stageVisit: same, warrantyVisit: same, serviceVisit: { id: 'tpl-2', fields: { thing1: 'title' } } }, (id) => (id === 'tpl-1' ? 2 : 0));
    expect(states).toEqual([
      { purpose: 'stageVisit', label: '施工阶段回访提醒', templateId: 'tpl-1', credits: 2 },
      { purpose: 'serviceVisit', label: '维修与投诉处理回访', templateId: 'tpl-2', credits: 0 },
    ]);
  });
});
