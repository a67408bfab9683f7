import { claimMarketingContact, releaseMarketingContact, decideSend, inAudience, OPT_OUT_PAGE, SMS_OPT_OUT, smsText, type SendContext } from '@shared/campaign/campaign';
import { holidayDate, holidayDaysOff } from '@shared/campaign/holidays';
import { DEFAULT_CONTACT_WINDOWS } from '@shared/followup/contact';
import { grantCredit } from '@shared/followup/credits';
import { routes } from '../../../client/src/lib/routes';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-03-02T10:05:00+08:00');

const context = (over: Partial<SendContext> = {}): SendContext => ({
  now: NOW,
  campaign: { status: 'expanded', expiresAt: at('2026-03-05T10:00:00+08:00'), channel: 'sms', cancelled: null },
  windows: DEFAULT_CONTACT_WINDOWS,
  sentToday: 0,
  serviceDueToday: 0,
  dailyCap: 1,
  credits: 0,
  ...over,
});

describe('holiday dates come from the chinese-days calendar, the same under any machine time zone', () => {
  it('2026 中秋节 is 2026-09-25 and 2027 中秋节 2027-09-15; 2026 春节 2026-02-17 and 2027 春节 2027-02-06; 2027 端午节 2027-06-09', () => {
    expect(holidayDate('中秋节', 2026)).toBe('2026-09-25');
    expect(holidayDate('中秋节', 2027)).toBe('2027-09-15');
    expect(holidayDate('春节', 2026)).toBe('2026-02-17');
    expect(holidayDate('春节', 2027)).toBe('2027-02-06');
    expect(holidayDate('端午节', 2027)).toBe('2027-06-09');
    expect(holidayDate('国庆节', 2027)).toBe('2027-10-01');
  });

  it('the official days off of 2026 are the State Council’s arrangement (中秋 25–27 September, 国庆 1–7 October); a year not yet published has none', () => {
    expect(holidayDaysOff('中秋节', 2026)).toEqual(['2026-09-25', '2026-09-26', '2026-09-27']);
    expect(holidayDaysOff('国庆节', 2026)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(holidayDaysOff('中秋节', 2027)).toEqual([]);
  });
});

describe('every marketing message carries the way to refuse', () => {
  it('a subscription message opens the consent screen reached from a message (one-tap withdrawal)', () => {
    expect(`/${OPT_OUT_PAGE}`).toBe(routes.consent(true));
  });

  it('an SMS ends with the refusal line', () => {
    expect(smsText({ title: '春季优惠', body: '老客户九折' })).toBe(`春季优惠：老客户九折 ${SMS_OPT_OUT}`);
    expect(smsText({ title: '春季优惠', body: '老客户九折' }).endsWith(SMS_OPT_OUT)).toBe(true);
  });
});

describe('the audience filter', () => {
  const project = { milestones: { started: '2026-02-20' }, address: '杭州市西湖区翠湖花园', anonymisedAt: undefined };
  it('matches stage, warranty and city, and never an anonymised project', () => {
    expect(inAudience(project, { stages: [], warranty: 'any', city: null })).toBe(true);
    expect(inAudience(project, { stages: ['completed'], warranty: 'any', city: null })).toBe(false);
    expect(inAudience(project, { stages: ['underConstruction'], warranty: 'notRegistered', city: '西湖区' })).toBe(true);
    expect(inAudience(project, { stages: [], warranty: 'registered', city: null })).toBe(false);
    expect(inAudience(project, { stages: [], warranty: 'any', city: '宁波' })).toBe(false);
    expect(inAudience({ ...project, anonymisedAt: 1 }, { stages: [], warranty: 'any', city: null })).toBe(false);
  });
});

describe('decideSend: when a marketing send may go', () => {
  it('a send goes inside a window, under the cap, while the campaign stands', () => {
    expect(decideSend(context())).toEqual({ kind: 'send' });
  });
  it('outside the windows it waits for the next window', () => {
    expect(decideSend(context({ now: at('2026-03-02T12:00:00+08:00') }))).toEqual({ kind: 'wait', until: at('2026-03-02T15:00:00+08:00') });
  });
  it('service goes first: a service follow-up still due today, or a message already sent today, moves it to the next day', () => {
    expect(decideSend(context({ serviceDueToday: 1 }))).toEqual({ kind: 'wait', until: at('2026-03-03T10:00:00+08:00') });
    expect(decideSend(context({ sentToday: 1 }))).toEqual({ kind: 'wait', until: at('2026-03-03T10:00:00+08:00') });
  });
  it('a cancelled campaign, or one past its time limit, is skipped; so is a wait that would run past the limit', () => {
    expect(decideSend(context({ campaign: { ...context().campaign, status: 'cancelled', cancelled: { at: 1, by: { id: 'a', name: 'a' } } } }))).toEqual({ kind: 'skip', reason: 'cancelled' });
    expect(decideSend(context({ now: at('2026-03-05T10:00:00+08:00') }))).toEqual({ kind: 'skip', reason: 'expired' });
    expect(decideSend(context({ now: at('2026-03-04T17:40:00+08:00') }))).toEqual({ kind: 'skip', reason: 'expired' });
  });
  it('a subscription message needs a credit', () => {
    const subscription = { ...context().campaign, channel: 'subscription' as const };
    expect(decideSend(context({ campaign: subscription, credits: 0 }))).toEqual({ kind: 'skip', reason: 'noCredit' });
    expect(decideSend(context({ campaign: subscription, credits: 1 }))).toEqual({ kind: 'send' });
  });
});

describe('claimMarketingContact: the contact ledger counts a marketing send once, under the shared cap', () => {
  const limits = { dailyCap: 1, serviceDueToday: 0 };
  it('an SMS counts the day without a credit; a second claim of the same campaign, or a full day, is refused', () => {
    const first = claimMarketingContact(null, 'o', { channel: 'sms', key: 'campaign-1', templateId: null }, limits, NOW);
    expect(first).toMatchObject({ day: '2026-03-02', sentOnDay: 1, claims: { 'campaign-1': { claimedAt: NOW } } });
    expect(claimMarketingContact(first, 'o', { channel: 'sms', key: 'campaign-1', templateId: null }, { dailyCap: 5, serviceDueToday: 0 }, NOW)).toBeNull();
    expect(claimMarketingContact(first, 'o', { channel: 'sms', key: 'campaign-2', templateId: null }, limits, NOW)).toBeNull();
    expect(claimMarketingContact(null, 'o', { channel: 'sms', key: 'campaign-3', templateId: null }, { dailyCap: 1, serviceDueToday: 1 }, NOW)).toBeNull();
  });
  it('a subscription message spends one credit of the template, and none is spent without one', () => {
    const l = grantCredit(null, 'o', 'tpl-mkt', NOW);
    expect(claimMarketingContact(l, 'o', { channel: 'subscription', key: 'campaign-1', templateId: 'tpl-mkt' }, limits, NOW)?.credits['tpl-mkt']).toMatchObject({ spent: 1, left: 0 });
    expect(claimMarketingContact(null, 'o', { channel: 'subscription', key: 'campaign-1', templateId: 'tpl-mkt' }, limits, NOW)).toBeNull();
  });

  it('a claim released because consent was refused at the last moment gives the credit and the day back', () => {
    const l = grantCredit(null, 'o', 'tpl-mkt', NOW);
    const send = { channel: 'subscription' as const, key: 'campaign-1', templateId: 'tpl-mkt' };
    const claimed = claimMarketingContact(l, 'o', send, limits, NOW);
    if (!claimed) throw new Error('expected a claim');
    const released = releaseMarketingContact(claimed, send, NOW, NOW + 1);
    expect(released).toMatchObject({ sentOnDay: 0, claims: {}, credits: { 'tpl-mkt': { spent: 0, left: 1 } }, version: claimed.version + 1 });
    // another run's claim (another time) is not released
    expect(releaseMarketingContact(claimed, send, NOW - 1, NOW + 1)).toBe(claimed);
  });
});
