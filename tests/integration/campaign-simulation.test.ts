import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { consentEntrySchema, type ConsentChannel } from '@shared/consent/ledger';
import { consentState, marketingAllowedBy } from '@shared/consent/state';
import { cstDate, DAY, type Millis } from '@shared/core/time';
import { DEFAULT_CONTACT_WINDOWS, insideWindow, PREFERRED_TIME_PRESETS } from '@shared/followup/contact';
import { sentOn } from '@shared/followup/credits';
import { campaignFunction as campaign } from '../../cloudfunctions/campaign/handler';
import { campaignTimer } from '../../cloudfunctions/campaign/timer';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { stores } from '../../cloudfunctions/_platform/stores';
import { changeContactLedger } from '../../cloudfunctions/_usecases/contacts';
import type { Database } from '../../cloudfunctions/_platform/database';
import { PEOPLE, secondAdmin, world } from './harness';

/** A small seeded generator (mulberry32), so a failure can be run again as it was. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOMEOWNERS = 60;
const DAYS = 365;
const START = new Date('2026-01-01T00:00:00+08:00').getTime();
const TEMPLATE = 'tpl-mkt';
const CHANNELS: ConsentChannel[] = ['subscription', 'sms'];
const CITIES = ['杭州市西湖区', '杭州市滨江区', '宁波市鄞州区'];
const MILESTONE_SETS = [{}, { contractSigned: '2025-12-01' }, { started: '2025-12-10' }, { completed: '2025-11-01', warrantyRegistered: '2025-11-05' }];

type Event = { at: Millis; run: () => Promise<unknown> };

/** Every document of a collection, read in pages by id (a snapshot stops at 1,000). */
async function everything(db: Database, collection: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (;;) {
    const last = all.length ? (all[all.length - 1]._id as string) : '';
    const page = (await db.collection(collection).where({ _id: db.command.gt(last) }).orderBy('_id', 'asc').limit(1000).get()).data as Record<string, unknown>[];
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

describe('a year of marketing campaigns over many homeowners, with grants, withdrawals, 勿扰 and service messages', () => {
  it('no marketing message ever goes without consent at its moment, outside the homeowner’s windows, or over the daily cap', async () => {
    const rand = random(20261130);
    const w = await world('2026-01-01T00:00:00+08:00');
    const store = stores(w.db);
    await w.db.collection('settings').doc('campaign').set({ template: { id: TEMPLATE, fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } } });
    const ids: string[] = [];
    const windowsOf = new Map<string, typeof DEFAULT_CONTACT_WINDOWS>();
    for (let h = 0; h < HOMEOWNERS; h++) {
      const id = `sim-owner-${h}`;
      ids.push(id);
      // a third keep their own preferred times (evenings on weekdays, or weekend mornings)
      const own = rand() < 0.33 ? PREFERRED_TIME_PRESETS[1 + Math.floor(rand() * 2)].windows : null;
      windowsOf.set(id, own ?? DEFAULT_CONTACT_WINDOWS);
      await w.db.collection('users').doc(id).set({ name: `业主${h}`, phone: `1390000${String(h).padStart(4, '0')}`, roles: ['homeowner'], ...(own ? { contactWindows: own } : {}) });
      await w.db.collection('projects').doc(`sim-p-${h}`).set({
        name: `小区 ${h}`, address: `${CITIES[h % 3]}某小区 ${h} 号`, homeownerId: id, siteManagerId: PEOPLE.sm._id, department: 'engineering',
        staff: {}, milestones: MILESTONE_SETS[h % 4], createdAt: 0,
      });
    }
    const serviceSends: { homeownerId: string; at: Millis }[] = [];
    let campaigns = 0;
    const timer = campaignTimer(w.deps);
    for (let day = 0; day < DAYS; day++) {
      const dayStart = START + day * DAY;
      const events: Event[] = [];
      const moment = () => dayStart + Math.floor(rand() * DAY);
      for (const id of ids) {
        if (rand() < 0.03) {
          const channel = CHANNELS[Math.floor(rand() * 2)];
          const decision = rand() < 0.6 ? 'granted' : 'withdrawn';
          events.push({ at: moment(), run: () => w.call(privacy, id, { action: 'setConsent', channel, decision, noticeVersion: PRIVACY_NOTICE_VERSION }) });
        }
        if (rand() < 0.005) {
          const on = rand() < 0.5;
          events.push({ at: moment(), run: () => w.call(privacy, id, { action: 'setDoNotDisturb', on, noticeVersion: PRIVACY_NOTICE_VERSION }) });
        }
        // accepting the marketing template: taken only while consent on messages stands
        if (rand() < 0.02) events.push({ at: moment(), run: () => w.call(followup, id, { action: 'subscribed', results: { [TEMPLATE]: 'accept' } }) });
        // a service follow-up message sent by the dispatcher: it takes the day's one message
        if (rand() < 0.02) {
          const at = moment();
          events.push({
            at,
            run: async () => {
              const before = await store.contacts.get(id);
              if (sentOn(before, at) >= 1) return; // the dispatcher keeps to the cap as well
              await changeContactLedger(store, id, (l) => ({
                ...(l ?? { _id: id, credits: {}, day: null, sentOnDay: 0, claims: {}, version: 0, updatedAt: at }),
                day: cstDate(at), sentOnDay: sentOn(l, at) + 1, version: (l?.version ?? 0) + 1, updatedAt: at,
              }));
              serviceSends.push({ homeownerId: id, at });
            },
          });
        }
      }
      if (rand() < 0.12) {
        const at = moment();
        const sendAt = at + Math.floor(rand() * 5 * DAY);
        const channel = CHANNELS[Math.floor(rand() * 2)];
        const audience = rand() < 0.5 ? {} : { stages: [['signed', 'underConstruction', 'completed'][Math.floor(rand() * 3)]], city: rand() < 0.5 ? '杭州' : null };
        events.push({ at, run: async () => {
          const r = await w.call(campaign, PEOPLE.admin._id, { action: 'define', kind: 'offer', title: `第${campaigns + 1}期优惠`, body: '老客户局部翻新享九折优惠', channel, sendAt, audience });
          if (r.ok) campaigns++;
          if (r.ok) await w.call(campaign, await secondAdmin(w), { action: 'approve', campaignId: r.data.campaign._id });
        } });
      }
      // the timer at its every-5-minutes beat, sampled: inside and outside windows
      for (const hm of ['08:55', '10:05', '11:20', '13:00', '15:10', '17:25', '19:40', '20:30', '22:00']) {
        const [hh, mm] = hm.split(':').map(Number);
        events.push({ at: dayStart + (hh * 60 + mm) * 60_000 + Math.floor(rand() * 4) * 60_000, run: () => timer() });
      }
      events.sort((a, b) => a.at - b.at);
      for (const e of events) {
        w.clock.set(new Date(e.at).toISOString());
        await e.run();
      }
    }

    const ledger = (await everything(w.db, 'consentLedger')).map((e) => consentEntrySchema.parse(e));
    const entriesOf = (id: string) => ledger.filter((e) => e.homeownerId === id);
    const messages = [
      ...((await everything(w.db, 'outbox')) as unknown as { touser: string; sentAt: number }[]).map((m) => ({ homeownerId: m.touser, at: m.sentAt, channel: 'subscription' as const })),
      ...((await everything(w.db, 'smsOutbox')) as unknown as { _id: string; sentAt: number }[]).map((m) => ({ homeownerId: m._id.split(':')[1], at: m.sentAt, channel: 'sms' as const })),
    ];
    const problems: string[] = [];
    const perDay = new Map<string, number>();
    for (const m of messages) {
      if (!marketingAllowedBy(consentState(entriesOf(m.homeownerId), m.at), m.channel)) problems.push(`${m.homeownerId} ${new Date(m.at).toISOString()} ${m.channel}: no consent`);
      if (!insideWindow(m.at, windowsOf.get(m.homeownerId) ?? DEFAULT_CONTACT_WINDOWS)) problems.push(`${m.homeownerId} ${new Date(m.at).toISOString()}: outside windows`);
      const key = `${m.homeownerId} ${cstDate(m.at)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    for (const s of serviceSends) {
      const key = `${s.homeownerId} ${cstDate(s.at)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perDay) if (n > 1) problems.push(`${key}: ${n} messages, cap 1`);
    expect(problems).toEqual([]);
    // the run did something worth checking: campaigns defined, marketing sent on both channels, and refusals
    const sent = (await everything(w.db, 'campaignSends')) as unknown as { state: string; reason: string | null }[];
    const counts = { ledger: ledger.length, sends: sent.length, messages: messages.length, service: serviceSends.length };
    expect(counts.ledger).toBeGreaterThan(300);
    expect(campaigns).toBeGreaterThan(20);
    expect(messages.filter((m) => m.channel === 'sms').length).toBeGreaterThan(20);
    expect(messages.filter((m) => m.channel === 'subscription').length).toBeGreaterThan(5);
    expect(sent.filter((s) => s.reason === 'noConsent').length).toBeGreaterThan(100);
    expect(sent.filter((s) => s.state === 'sent').length).toBe(messages.length);
    expect(sent.some((s) => s.state === 'pending' || s.state === 'sending')).toBe(false);
  }, 240_000);
});
