import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { stores } from '../../cloudfunctions/_platform/stores';
import type { Database, Transaction } from '../../cloudfunctions/_platform/database';
import { claimMarketingSend, marketingAllowed } from '../../cloudfunctions/_usecases/consent';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin, engManager } = PEOPLE;
const V = PRIVACY_NOTICE_VERSION;

const setConsent = (w: World, who: string, channel: string, decision: string, extra: Record<string, unknown> = {}) =>
  w.call(privacy, who, { action: 'setConsent', channel, decision, noticeVersion: V, ...extra });

const allowed = (w: World, homeownerId: string, channel: 'subscription' | 'sms' | 'phone') => marketingAllowed(stores(w.db), homeownerId, channel, w.clock.now());

describe('privacy: the homeowner’s own marketing consent', () => {
  it('shows a new homeowner nothing granted on any channel, 勿扰 off and an empty history', async () => {
    const w = await world();
    const r = await w.call(privacy, owner._id, { action: 'consent' });
    expect(r.ok).toBe(true);
    expect(r.data.state.marketing).toEqual({
      subscription: { granted: false, at: null, how: null }, sms: { granted: false, at: null, how: null }, phone: { granted: false, at: null, how: null },
    });
    expect(r.data).toMatchObject({ history: [], noticeVersion: V, state: { doNotDisturb: { on: false } } });
    expect(await allowed(w, owner._id, 'subscription')).toBe(false);
  });

  it('a grant lets marketing through on that channel only, and a withdrawal stops it at once', async () => {
    const w = await world();
    expect(await setConsent(w, owner._id, 'subscription', 'granted')).toMatchObject({ ok: true, data: { changed: true, state: { marketing: { subscription: { granted: true, how: 'tap' } } } } });
    expect(await allowed(w, owner._id, 'subscription')).toBe(true);
    expect(await allowed(w, owner._id, 'sms')).toBe(false);
    w.clock.advanceHours(1);
    const r = await setConsent(w, owner._id, 'subscription', 'withdrawn');
    expect(await allowed(w, owner._id, 'subscription')).toBe(false);
    expect(r.data.history.map((h: { decision: string; at: number }) => [h.decision, h.at])).toEqual([
      ['withdrawn', at('2026-03-01T11:00:00+08:00')],
      ['granted', at('2026-03-01T10:00:00+08:00')],
    ]);
  });

  it('stores each choice in the ledger with who, purpose, channel, when, how and the notice version, and never edits an entry', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'sms', 'granted');
    const [first] = (await snapshot(w.db, 'consentLedger')) as Record<string, unknown>[];
    await setConsent(w, owner._id, 'sms', 'withdrawn');
    const ledger = (await snapshot(w.db, 'consentLedger')) as Record<string, unknown>[];
    expect(ledger).toHaveLength(2);
    expect(ledger.find((e) => e._id === first._id)).toEqual(first);
    expect(first).toMatchObject({
      homeownerId: owner._id, subject: 'consent', purpose: 'marketing', channel: 'sms', decision: 'granted', at: at('2026-03-01T10:00:00+08:00'),
      how: 'tap', recordedBy: null, noticeVersion: V, seq: 1,
    });
  });

  it('appends a retried request once, and a repeated tap on what is already chosen not at all', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'phone', 'granted', { requestId: 'consent-tap-1' });
    const retry = await setConsent(w, owner._id, 'phone', 'granted', { requestId: 'consent-tap-1' });
    const again = await setConsent(w, owner._id, 'phone', 'granted');
    expect(retry.data.changed).toBe(false);
    expect(again.data.changed).toBe(false);
    expect(await snapshot(w.db, 'consentLedger')).toHaveLength(1);
  });

  it('勿扰 stops marketing on every channel while on and is kept until the homeowner turns it off', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'subscription', 'granted');
    await setConsent(w, owner._id, 'sms', 'granted');
    await w.call(privacy, owner._id, { action: 'setDoNotDisturb', on: true, noticeVersion: V });
    expect([await allowed(w, owner._id, 'subscription'), await allowed(w, owner._id, 'sms')]).toEqual([false, false]);
    w.clock.advanceHours(24 * 90);
    expect(await allowed(w, owner._id, 'sms')).toBe(false);
    await w.call(privacy, owner._id, { action: 'setDoNotDisturb', on: false, noticeVersion: V });
    expect(await allowed(w, owner._id, 'sms')).toBe(true);
  });

  it('records a withdrawal made through a marketing message’s refusal link as such', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'subscription', 'granted');
    const r = await setConsent(w, owner._id, 'subscription', 'withdrawn', { how: 'messageLink' });
    expect(r.data.history[0]).toMatchObject({ decision: 'withdrawn', how: 'messageLink' });
  });

  it('refuses a choice made on an outdated notice, and malformed input, writing nothing', async () => {
    const w = await world();
    expect(await setConsent(w, owner._id, 'sms', 'granted', { noticeVersion: '2020-01-01' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { noticeVersion: expect.any(String) } });
    expect(await setConsent(w, owner._id, 'fax', 'granted')).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { channel: expect.any(String) } });
    expect(await setConsent(w, owner._id, 'sms', 'maybe')).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { decision: expect.any(String) } });
    expect(await w.call(privacy, owner._id, { action: 'setDoNotDisturb', on: 'yes', noticeVersion: V })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await snapshot(w.db, 'consentLedger')).toEqual([]);
    expect(await snapshot(w.db, 'consents')).toEqual([]);
  });

  it('a homeowner can never read or change another’s consent: a homeownerId in the event is ignored', async () => {
    const w = await world();
    await setConsent(w, otherOwner._id, 'sms', 'granted');
    await setConsent(w, owner._id, 'sms', 'withdrawn', { homeownerId: otherOwner._id });
    expect(await allowed(w, otherOwner._id, 'sms')).toBe(true);
    const mine = await w.call(privacy, owner._id, { action: 'consent', homeownerId: otherOwner._id });
    expect(mine.data.history).toEqual([expect.objectContaining({ decision: 'withdrawn', channel: 'sms' })]);
    expect(await w.call(privacy, owner._id, { action: 'consentOf', homeownerId: otherOwner._id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(privacy, owner._id, { action: 'recordPhoneConsent', homeownerId: otherOwner._id, change: { subject: 'consent', channel: 'sms', decision: 'withdrawn' } })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('only homeowners set their own consent: staff are refused', async () => {
    const w = await world();
    for (const who of [sm, cs, admin, engManager]) {
      expect(await setConsent(w, who._id, 'sms', 'granted')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await snapshot(w.db, 'consentLedger')).toEqual([]);
  });
});

describe('privacy: customer service records what a homeowner said on the phone', () => {
  it('records a refusal with who recorded it and when, and the next send sees it', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'phone', 'granted');
    w.clock.advanceHours(2);
    const r = await w.call(privacy, cs._id, { action: 'recordPhoneConsent', homeownerId: owner._id, change: { subject: 'consent', channel: 'phone', decision: 'withdrawn' } });
    expect(r).toMatchObject({ ok: true, data: { changed: true, homeownerName: '李女士' } });
    expect(r.data.history[0]).toMatchObject({ how: 'phone', recordedBy: { id: cs._id, name: '徐客服' }, at: at('2026-03-01T12:00:00+08:00'), noticeVersion: V });
    expect(await allowed(w, owner._id, 'phone')).toBe(false);
    const spotCheck = await w.call(privacy, admin._id, { action: 'recordPhoneConsent', homeownerId: owner._id, change: { subject: 'consent', channel: 'sms', decision: 'granted' } });
    expect(spotCheck.data.history[0]).toMatchObject({ channel: 'sms', how: 'phone', recordedBy: { id: admin._id, name: '周行政' } });
    const seen = await w.call(privacy, owner._id, { action: 'consent' });
    expect(seen.data.history[1]).toMatchObject({ how: 'phone', recordedBy: { name: '徐客服' } });
  });

  it('records 勿扰 said on the phone, and audits customer service’s reads of the homeowner', async () => {
    const w = await world();
    await w.call(privacy, cs._id, { action: 'recordPhoneConsent', homeownerId: owner._id, change: { subject: 'doNotDisturb', on: true } });
    const looked = await w.call(privacy, cs._id, { action: 'consentOf', homeownerId: owner._id });
    expect(looked).toMatchObject({ ok: true, data: { homeownerName: '李女士', state: { doNotDisturb: { on: true } } } });
    const audit = (await snapshot(w.db, 'auditLog')) as Record<string, unknown>[];
    expect(audit).toHaveLength(2);
    expect(audit.every((e) => e.viewerId === cs._id && e.subjectId === owner._id && e.record === `consents/${owner._id}`)).toBe(true);
  });

  it('refuses someone who is not a homeowner, and roles other than customer service and admins, writing nothing', async () => {
    const w = await world();
    const change = { subject: 'consent', channel: 'sms', decision: 'granted' };
    expect(await w.call(privacy, cs._id, { action: 'recordPhoneConsent', homeownerId: sm._id, change })).toMatchObject({ ok: false, code: 'PRIVACY.NOT_FOUND' });
    expect(await w.call(privacy, cs._id, { action: 'recordPhoneConsent', homeownerId: 'nobody', change })).toMatchObject({ ok: false, code: 'PRIVACY.NOT_FOUND' });
    for (const who of [sm, engManager, otherOwner]) {
      expect(await w.call(privacy, who._id, { action: 'recordPhoneConsent', homeownerId: owner._id, change })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(privacy, cs._id, { action: 'recordPhoneConsent', homeownerId: owner._id, change: { subject: 'consent', channel: 'sms' } })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(await snapshot(w.db, 'consentLedger')).toEqual([]);
    expect(await snapshot(w.db, 'auditLog')).toEqual([]);
  });
});

describe('privacy: a send checks consent at the moment of sending', () => {
  it('a homeowner anonymised or unknown is never marketed to, whatever the ledger says', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'sms', 'granted');
    await w.db.collection('settings').doc('privacy').set({ deletionDelayDays: 0 });
    await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true });
    expect(await allowed(w, owner._id, 'sms')).toBe(false);
    expect(await allowed(w, 'nobody', 'sms')).toBe(false);
  });
});

describe('privacy: a withdrawal racing a marketing send', () => {
  it('refuses the send when a withdrawal lands between reading the ledger and claiming the send', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'sms', 'granted');
    // a database whose next transaction (the claim's) first lets the homeowner's withdrawal through
    let raced = false;
    const racing: Database = Object.assign(Object.create(w.db) as Database, {
      runTransaction: async <R>(work: (tx: Transaction) => Promise<R>): Promise<R> => {
        if (!raced) {
          raced = true;
          expect(await setConsent(w, owner._id, 'sms', 'withdrawn')).toMatchObject({ ok: true, data: { changed: true } });
        }
        return w.db.runTransaction(work);
      },
    });
    expect(await claimMarketingSend(stores(racing), owner._id, 'sms', w.clock.now())).toBe(false);
    expect(raced).toBe(true);
  });

  it('claims the send when nothing changed, and a withdrawal after the claim stops the next one', async () => {
    const w = await world();
    await setConsent(w, owner._id, 'subscription', 'granted');
    expect(await claimMarketingSend(stores(w.db), owner._id, 'subscription', w.clock.now())).toBe(true);
    await setConsent(w, owner._id, 'subscription', 'withdrawn');
    expect(await claimMarketingSend(stores(w.db), owner._id, 'subscription', w.clock.now())).toBe(false);
    expect(await claimMarketingSend(stores(w.db), otherOwner._id, 'subscription', w.clock.now())).toBe(false);
  });
});
