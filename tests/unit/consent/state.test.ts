import { consentEntrySchema, type ConsentEntry } from '@shared/consent/ledger';
import { consentChange, consentState, contactAllowedBy, marketingAllowedBy, marketingChannels, noConsent, type ConsentRequest } from '@shared/consent/state';

const at = (iso: string) => new Date(iso).getTime();
const OWNER = 'owner-li';
const CS = { id: 'cs-xu', name: '徐客服' };

/** A ledger built the way the function builds it: each request applied to the state so far, in order. */
function ledger(steps: [string, ConsentRequest, ('tap' | 'phone' | 'messageLink')?][]): ConsentEntry[] {
  const entries: ConsentEntry[] = [];
  for (const [when, request, how = 'tap'] of steps) {
    const draft = consentChange(consentState(entries), request, {
      homeownerId: OWNER, at: at(when), how, recordedBy: how === 'phone' ? CS : null, noticeVersion: '2026-11-01',
    });
    if (draft) entries.push(consentEntrySchema.parse({ ...draft, _id: `${OWNER}:${entries.length + 1}`, seq: entries.length + 1 }));
  }
  return entries;
}

const grant = (channel: 'subscription' | 'sms' | 'phone'): ConsentRequest => ({ subject: 'consent', channel, decision: 'granted' });
const withdraw = (channel: 'subscription' | 'sms' | 'phone'): ConsentRequest => ({ subject: 'consent', channel, decision: 'withdrawn' });
const dnd = (on: boolean): ConsentRequest => ({ subject: 'doNotDisturb', on });

describe('the consent state derived from the ledger', () => {
  it('grants nothing to a homeowner with no entries: nothing is pre-ticked', () => {
    const state = consentState([]);
    expect(state).toEqual(noConsent());
    expect(marketingChannels(state)).toEqual([]);
  });

  it('allows marketing on a channel only after its explicit grant, and on no other channel', () => {
    const state = consentState(ledger([['2026-03-01T10:00:00+08:00', grant('sms')]]));
    expect(marketingAllowedBy(state, 'sms')).toBe(true);
    expect(marketingAllowedBy(state, 'subscription')).toBe(false);
    expect(marketingAllowedBy(state, 'phone')).toBe(false);
    expect(state.marketing.sms).toEqual({ granted: true, at: at('2026-03-01T10:00:00+08:00'), how: 'tap' });
  });

  it('a withdrawal ends the grant at once: the later entry wins', () => {
    const entries = ledger([
      ['2026-03-01T10:00:00+08:00', grant('subscription')],
      ['2026-03-01T10:00:30+08:00', withdraw('subscription')],
    ]);
    expect(marketingAllowedBy(consentState(entries), 'subscription')).toBe(false);
    expect(marketingAllowedBy(consentState(entries, at('2026-03-01T10:00:10+08:00')), 'subscription')).toBe(true);
  });

  it('applies entries in ledger order (seq), whatever order they are read in', () => {
    const entries = ledger([
      ['2026-03-01T10:00:00+08:00', grant('phone')],
      ['2026-03-01T10:00:00+08:00', withdraw('phone')],
    ]);
    expect(marketingAllowedBy(consentState([...entries].reverse()), 'phone')).toBe(false);
  });

  it('勿扰 stops marketing on every channel while on, and the channel choices stand when it is turned off', () => {
    const steps: [string, ConsentRequest][] = [
      ['2026-03-01T10:00:00+08:00', grant('subscription')],
      ['2026-03-01T10:01:00+08:00', grant('sms')],
      ['2026-03-02T09:00:00+08:00', dnd(true)],
    ];
    const on = consentState(ledger(steps));
    expect(on.doNotDisturb).toEqual({ on: true, at: at('2026-03-02T09:00:00+08:00') });
    expect(marketingChannels(on)).toEqual([]);
    const off = consentState(ledger([...steps, ['2026-03-03T09:00:00+08:00', dnd(false)]]));
    expect(off.entries).toBe(4);
    expect(marketingChannels(off)).toEqual(['subscription', 'sms']);
  });

  it('never lets refusing marketing take away service (PIPL art. 16)', () => {
    const refusing = consentState(ledger([['2026-03-01T10:00:00+08:00', withdraw('subscription')], ['2026-03-01T10:00:01+08:00', dnd(true)]]));
    const consenting = consentState(ledger([['2026-03-01T10:00:00+08:00', grant('subscription')]]));
    for (const channel of ['subscription', 'sms', 'phone'] as const) {
      expect(contactAllowedBy(refusing, 'service', channel)).toBe(true);
      expect(contactAllowedBy(refusing, 'service', channel)).toBe(contactAllowedBy(consenting, 'service', channel));
    }
    expect(contactAllowedBy(refusing, 'marketing', 'subscription')).toBe(false);
    expect(contactAllowedBy(consenting, 'marketing', 'subscription')).toBe(true);
  });
});

describe('what a request appends to the ledger', () => {
  const context = { homeownerId: OWNER, at: at('2026-03-01T10:00:00+08:00'), how: 'tap' as const, recordedBy: null, noticeVersion: '2026-11-01' };

  it('records a grant with who, purpose, channel, when, how and the notice version', () => {
    expect(consentChange(noConsent(), grant('sms'), context)).toEqual({
      homeownerId: OWNER, subject: 'consent', purpose: 'marketing', channel: 'sms', decision: 'granted',
      at: context.at, how: 'tap', recordedBy: null, noticeVersion: '2026-11-01',
    });
  });

  it('appends nothing for a repeated tap: granting what is granted, turning on 勿扰 that is on', () => {
    const granted = consentState(ledger([['2026-03-01T09:00:00+08:00', grant('sms')], ['2026-03-01T09:00:01+08:00', dnd(true)]]));
    expect(consentChange(granted, grant('sms'), context)).toBeNull();
    expect(consentChange(granted, dnd(true), context)).toBeNull();
    expect(consentChange(noConsent(), dnd(false), context)).toBeNull();
  });

  it('records a first refusal on a channel never asked about, but not a second one', () => {
    expect(consentChange(noConsent(), withdraw('phone'), { ...context, how: 'phone', recordedBy: CS })).toMatchObject({ decision: 'withdrawn', how: 'phone', recordedBy: CS });
    const refused = consentState(ledger([['2026-03-01T09:00:00+08:00', withdraw('phone'), 'phone']]));
    expect(refused.marketing.phone).toEqual({ granted: false, at: at('2026-03-01T09:00:00+08:00'), how: 'phone' });
    expect(consentChange(refused, withdraw('phone'), context)).toBeNull();
  });
});
