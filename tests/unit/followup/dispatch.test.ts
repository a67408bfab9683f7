import { DEFAULT_CONTACT_WINDOWS, PREFERRED_TIME_PRESETS, type ContactWindow } from '@shared/followup/contact';
import {
  claimedFollowUp,
  decideDispatch,
  decidedFollowUp,
  hasOpenIssue,
  heldFollowUp,
  messageSource,
  phoneTaskFollowUp,
  sentFollowUp,
  windowsFor,
  type DispatchContext,
} from '@shared/followup/dispatch';
import { newFollowUp, type FollowUp } from '@shared/followup/followup';
import type { PlannedFollowUp } from '@shared/followup/schedule';

const at = (iso: string) => new Date(iso).getTime();
const TEMPLATE = { id: 'tpl-stage', fields: { thing1: 'title' as const } };
const EVENING = PREFERRED_TIME_PRESETS[1].windows;
const WEEKEND_MORNING = PREFERRED_TIME_PRESETS[2].windows;

// 2026-03-11 is a Wednesday; the mid-stage window runs Wednesday to Saturday 2026-03-14.
const MID: PlannedFollowUp = { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' };

function followUp(over: Partial<FollowUp> = {}, planned: PlannedFollowUp = MID): FollowUp {
  return { _id: `p-cuihu--${planned.key}`, ...newFollowUp({ _id: 'p-cuihu', homeownerId: 'owner-li' }, planned, at('2026-03-01T10:00:00+08:00')), ...over };
}

function ctx(nowIso: string, over: Partial<DispatchContext> = {}): DispatchContext {
  return { now: at(nowIso), windows: DEFAULT_CONTACT_WINDOWS, sentToday: 0, dailyCap: 1, openIssue: false, template: TEMPLATE, credits: 2, leaseMinutes: 10, claim: null, ...over };
}

const decide = (nowIso: string, over: Partial<DispatchContext> = {}, f: FollowUp = followUp()) => decideDispatch(f, ctx(nowIso, over));
const waitUntil = (iso: string, hold: string | null) => ({ kind: 'wait', until: at(iso), hold });
const send = (nowIso: string) => ({ kind: 'send', template: TEMPLATE, claimUntil: at(nowIso) + 10 * 60_000 });

describe('contact windows: 10:00–11:30 and 15:00–17:30 CST, any day', () => {
  it('holds a follow-up that opens at midnight until 10:00', () => {
    expect(decide('2026-03-11T00:00:00+08:00')).toEqual(waitUntil('2026-03-11T10:00:00+08:00', 'outsideWindow'));
  });

  it('holds it at 09:59 until 10:00', () => {
    expect(decide('2026-03-11T09:59:00+08:00')).toEqual(waitUntil('2026-03-11T10:00:00+08:00', 'outsideWindow'));
  });

  it('sends at 10:00 sharp, the first minute of the morning window', () => {
    expect(decide('2026-03-11T10:00:00+08:00')).toEqual(send('2026-03-11T10:00:00+08:00'));
  });

  it('sends at 11:29, the last minute of the morning window', () => {
    expect(decide('2026-03-11T11:29:59+08:00')).toMatchObject({ kind: 'send' });
  });

  it('holds it from 11:30 (the end is exclusive) until 15:00', () => {
    expect(decide('2026-03-11T11:30:00+08:00')).toEqual(waitUntil('2026-03-11T15:00:00+08:00', 'outsideWindow'));
  });

  it('sends during the afternoon window and holds it from 17:30 until 10:00 the next morning', () => {
    expect(decide('2026-03-11T17:29:00+08:00')).toMatchObject({ kind: 'send' });
    expect(decide('2026-03-11T17:30:00+08:00')).toEqual(waitUntil('2026-03-12T10:00:00+08:00', 'outsideWindow'));
  });
});

describe("the homeowner's preferred times", () => {
  it('holds a follow-up due on Wednesday morning until 19:30 that evening for an evening-on-weekdays homeowner', () => {
    expect(decide('2026-03-11T10:00:00+08:00', { windows: EVENING })).toEqual(waitUntil('2026-03-11T19:30:00+08:00', 'outsideWindow'));
  });

  it('sends to the evening homeowner from 19:30 and not at 21:30', () => {
    expect(decide('2026-03-11T19:30:00+08:00', { windows: EVENING })).toMatchObject({ kind: 'send' });
    expect(decide('2026-03-11T21:30:00+08:00', { windows: EVENING })).toEqual(waitUntil('2026-03-12T19:30:00+08:00', 'outsideWindow'));
  });

  it('skips the weekend for the evening-on-weekdays homeowner: Friday 21:30 waits for Monday 19:30', () => {
    const long = followUp({}, { ...MID, windowEnd: '2026-03-20' });
    expect(decide('2026-03-13T21:30:00+08:00', { windows: EVENING }, long)).toEqual(waitUntil('2026-03-16T19:30:00+08:00', 'outsideWindow'));
  });

  it('holds a follow-up due on Wednesday until Saturday 10:30 for a weekend-mornings homeowner', () => {
    expect(decide('2026-03-11T10:00:00+08:00', { windows: WEEKEND_MORNING })).toEqual(waitUntil('2026-03-14T10:30:00+08:00', 'outsideWindow'));
  });

  it('takes the earliest of several preferred times: Friday 22:00 waits for Saturday 10:30', () => {
    expect(decide('2026-03-13T22:00:00+08:00', { windows: [...EVENING, ...WEEKEND_MORNING] })).toEqual(waitUntil('2026-03-14T10:30:00+08:00', 'outsideWindow'));
  });

  it("uses the homeowner's own valid windows, else the company's", () => {
    expect(windowsFor({ contactWindows: EVENING }, DEFAULT_CONTACT_WINDOWS)).toEqual(EVENING);
    expect(windowsFor({ contactWindows: null }, DEFAULT_CONTACT_WINDOWS)).toEqual(DEFAULT_CONTACT_WINDOWS);
    expect(windowsFor({}, DEFAULT_CONTACT_WINDOWS)).toEqual(DEFAULT_CONTACT_WINDOWS);
    expect(windowsFor(null, DEFAULT_CONTACT_WINDOWS)).toEqual(DEFAULT_CONTACT_WINDOWS);
    const broken: ContactWindow[] = [{ days: 'any', from: '21:00', to: '19:00' }];
    expect(windowsFor({ contactWindows: broken }, DEFAULT_CONTACT_WINDOWS)).toEqual(DEFAULT_CONTACT_WINDOWS);
  });
});

describe('at most one follow-up message to a homeowner a day', () => {
  it("holds a second follow-up after today's message until tomorrow's first window", () => {
    expect(decide('2026-03-11T10:05:00+08:00', { sentToday: 1 })).toEqual(waitUntil('2026-03-12T10:00:00+08:00', 'dailyCap'));
  });

  it("holds it until tomorrow evening for the evening homeowner", () => {
    expect(decide('2026-03-11T19:40:00+08:00', { sentToday: 1, windows: EVENING })).toEqual(waitUntil('2026-03-12T19:30:00+08:00', 'dailyCap'));
  });

  it('sends a second message the same day when the admin raised the cap to 2', () => {
    expect(decide('2026-03-11T10:05:00+08:00', { sentToday: 1, dailyCap: 2 })).toMatchObject({ kind: 'send' });
  });

});

describe('an open repair or complaint on the project', () => {
  it("holds a stage survey until the next day's first window", () => {
    expect(decide('2026-03-11T10:00:00+08:00', { openIssue: true })).toEqual(waitUntil('2026-03-12T10:00:00+08:00', 'openIssue'));
  });

  it('holds a stage survey whatever repair or complaint is open on the project', () => {
    const stage = followUp();
    expect(hasOpenIssue(stage, { repairs: [{ _id: 'r-1' }], complaints: [] })).toBe(true);
    expect(hasOpenIssue(stage, { repairs: [], complaints: [{ _id: 'c-1', source: null }] })).toBe(true);
    expect(hasOpenIssue(stage, { repairs: [], complaints: [] })).toBe(false);
  });

  it('does not hold the after-repair follow-up about that very repair, nor for the complaint its reopening opened', () => {
    const after = followUp({}, { key: 'afterRepair:r-1', kind: 'afterRepair', dueDate: '2026-03-11', windowEnd: '2026-03-14', subjectId: 'r-1' });
    expect(hasOpenIssue(after, { repairs: [{ _id: 'r-1' }], complaints: [{ _id: 'repair-r-1', source: { id: 'r-1' } }] })).toBe(false);
  });

  it('holds the after-repair follow-up for another open repair', () => {
    const after = followUp({}, { key: 'afterRepair:r-1', kind: 'afterRepair', dueDate: '2026-03-11', windowEnd: '2026-03-14', subjectId: 'r-1' });
    expect(hasOpenIssue(after, { repairs: [{ _id: 'r-1' }, { _id: 'r-2' }], complaints: [] })).toBe(true);
  });
});

describe('templates and subscription credits', () => {
  it('hands a follow-up whose purpose has no template to customer service, to call now', () => {
    expect(decide('2026-03-11T10:00:00+08:00', { template: null })).toEqual({ kind: 'phoneTask', reason: 'noTemplate', callAt: at('2026-03-11T10:00:00+08:00') });
  });

  it('hands it to customer service when the homeowner has no credit left', () => {
    expect(decide('2026-03-11T15:10:00+08:00', { credits: 0 })).toEqual({ kind: 'phoneTask', reason: 'noCredit', callAt: at('2026-03-11T15:10:00+08:00') });
  });

  it('sends with one credit left, claiming the follow-up for the lease (10 minutes)', () => {
    expect(decide('2026-03-11T15:10:00+08:00', { credits: 1 })).toEqual(send('2026-03-11T15:10:00+08:00'));
  });
});

describe('the end of the window', () => {
  it('makes a still-pending follow-up found at the close of its window a phone task, called at the next window', () => {
    expect(decide('2026-03-15T00:00:00+08:00')).toEqual({ kind: 'phoneTask', reason: 'windowMissed', callAt: at('2026-03-15T10:00:00+08:00') });
  });

  it('never waits past the close: at 17:30 on the last day it waits until midnight, not the next morning', () => {
    expect(decide('2026-03-14T17:30:00+08:00')).toEqual(waitUntil('2026-03-15T00:00:00+08:00', 'outsideWindow'));
  });

  it('ends a daily-cap or open-issue hold on the last day at the close', () => {
    expect(decide('2026-03-14T10:05:00+08:00', { sentToday: 1 })).toEqual(waitUntil('2026-03-15T00:00:00+08:00', 'dailyCap'));
    expect(decide('2026-03-14T10:05:00+08:00', { openIssue: true })).toEqual(waitUntil('2026-03-15T00:00:00+08:00', 'openIssue'));
  });

  it('waits for the window to open, without a hold, when it is looked at early', () => {
    expect(decide('2026-03-10T10:00:00+08:00')).toEqual(waitUntil('2026-03-11T00:00:00+08:00', null));
  });

  it('makes a same-day welcome recorded after the last window a phone task at midnight', () => {
    const welcome = followUp({}, { key: 'depositWelcome', kind: 'depositWelcome', dueDate: '2026-03-11', windowEnd: '2026-03-11' });
    expect(decide('2026-03-11T18:00:00+08:00', {}, welcome)).toEqual(waitUntil('2026-03-12T00:00:00+08:00', 'outsideWindow'));
    expect(decide('2026-03-12T00:00:00+08:00', {}, welcome)).toEqual({ kind: 'phoneTask', reason: 'windowMissed', callAt: at('2026-03-12T10:00:00+08:00') });
  });
});

describe('a claimed send', () => {
  const claimed = claimedFollowUp(followUp(), { templateId: 'tpl-stage', claimedAt: at('2026-03-11T10:00:00+08:00') }, at('2026-03-11T10:10:00+08:00'), at('2026-03-11T10:00:00+08:00'));

  it('is left alone while its claim lasts', () => {
    expect(decideDispatch(claimed, ctx('2026-03-11T10:05:00+08:00'))).toEqual(waitUntil('2026-03-11T10:10:00+08:00', null));
  });

  it('becomes a phone task once the claim lapses (the message may have gone: never a second one)', () => {
    expect(decideDispatch(claimed, ctx('2026-03-11T10:10:00+08:00'))).toEqual({ kind: 'phoneTask', reason: 'sendUnknown', callAt: at('2026-03-11T10:10:00+08:00') });
  });

  it('treats a pending follow-up whose claim is in the contact ledger (a run died before recording it) as sending', () => {
    const claim = { templateId: 'tpl-stage', claimedAt: at('2026-03-11T10:00:00+08:00') };
    expect(decide('2026-03-11T10:05:00+08:00', { claim })).toEqual({ kind: 'inFlight', claim, until: at('2026-03-11T10:10:00+08:00') });
    expect(decide('2026-03-11T10:10:00+08:00', { claim })).toEqual({ kind: 'phoneTask', reason: 'sendUnknown', callAt: at('2026-03-11T10:10:00+08:00') });
    // whatever the window, the cap or the credits say: a claimed follow-up is never sent again
    expect(decide('2026-03-11T15:00:00+08:00', { claim, credits: 5, dailyCap: 9 })).toMatchObject({ kind: 'phoneTask', reason: 'sendUnknown' });
  });

  it('records the claim: sending, the template, when, and the lease as the next look', () => {
    expect(claimed).toMatchObject({
      state: 'sending',
      nextActionAt: at('2026-03-11T10:10:00+08:00'),
      message: { templateId: 'tpl-stage', claimedAt: at('2026-03-11T10:00:00+08:00'), sentAt: null, errcode: null },
    });
  });
});

describe('a sent follow-up', () => {
  const sent = sentFollowUp(claimedFollowUp(followUp(), { templateId: 'tpl-stage', claimedAt: at('2026-03-11T10:00:00+08:00') }, at('2026-03-11T10:10:00+08:00'), at('2026-03-11T10:00:00+08:00')), at('2026-03-11T10:00:01+08:00'));

  it('waits for the answer until its window closes', () => {
    expect(sent).toMatchObject({ state: 'sent', nextActionAt: at('2026-03-15T00:00:00+08:00'), message: { sentAt: at('2026-03-11T10:00:01+08:00') } });
    expect(decideDispatch(sent, ctx('2026-03-13T10:00:00+08:00'))).toEqual(waitUntil('2026-03-15T00:00:00+08:00', null));
  });

  it('becomes a phone task when not answered by the end of its window', () => {
    expect(decideDispatch(sent, ctx('2026-03-15T00:00:00+08:00'))).toEqual({ kind: 'phoneTask', reason: 'unanswered', callAt: at('2026-03-15T10:00:00+08:00') });
  });

  it('is done at once when it is the welcome, which asks nothing', () => {
    const welcome = followUp({}, { key: 'depositWelcome', kind: 'depositWelcome', dueDate: '2026-03-11', windowEnd: '2026-03-11' });
    const delivered = sentFollowUp(claimedFollowUp(welcome, { templateId: 'tpl-stage', claimedAt: 0 }, 0, 0), at('2026-03-11T10:00:00+08:00'));
    expect(delivered).toMatchObject({ state: 'done', nextActionAt: null });
    expect(decideDispatch({ ...delivered, state: 'sent' }, ctx('2026-03-11T10:05:00+08:00'))).toEqual({ kind: 'done' });
  });
});

describe('what a decision stores', () => {
  it('notes a hold in the history once, not on every look', () => {
    const now = at('2026-03-11T09:00:00+08:00');
    const once = heldFollowUp(followUp(), at('2026-03-11T10:00:00+08:00'), 'outsideWindow', now);
    const twice = heldFollowUp(once, at('2026-03-11T15:00:00+08:00'), 'outsideWindow', now);
    expect(twice.history.filter((e) => e.event === 'held')).toHaveLength(1);
    expect(twice).toMatchObject({ hold: 'outsideWindow', nextActionAt: at('2026-03-11T15:00:00+08:00') });
  });

  it("makes a phone task with its reason and call time, out of the dispatcher's range, keeping WeChat's errcode", () => {
    const now = at('2026-03-11T10:00:00+08:00');
    const claimed = claimedFollowUp(followUp(), { templateId: 'tpl-stage', claimedAt: now }, now + 600_000, now);
    expect(phoneTaskFollowUp(claimed, 'refused', now, now, 43101)).toMatchObject({
      state: 'phoneTask', phoneReason: 'refused', callAt: now, nextActionAt: null, message: { errcode: 43101 },
    });
  });

  it('clears the next look of a follow-up the dispatcher has nothing to do with', () => {
    const answered = followUp({ state: 'answered', nextActionAt: at('2026-03-11T10:00:00+08:00') });
    const d = decideDispatch(answered, ctx('2026-03-11T10:05:00+08:00'));
    expect(d).toEqual({ kind: 'idle' });
    if (d.kind === 'idle') expect(decidedFollowUp(answered, d, 0)).toMatchObject({ state: 'answered', nextActionAt: null });
  });

  it("fills a message with the follow-up's name, the project, its dates and a hint", () => {
    expect(messageSource(followUp(), '翠湖花园 3-1201', '李女士')).toEqual({
      title: '中期回访', project: '翠湖花园 3-1201', dueDate: '2026-03-11', windowEnd: '2026-03-14', hint: '点击填写，可分几次完成', homeowner: '李女士',
    });
  });
});
