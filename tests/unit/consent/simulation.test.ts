import { CONSENT_CHANNELS, consentEntrySchema, type ConsentChannel, type ConsentEntry } from '@shared/consent/ledger';
import { consentChange, consentState, contactAllowedBy, marketingAllowedBy, type ConsentRequest } from '@shared/consent/state';

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

const DAY = 86_400_000;
const START = new Date('2026-01-01T00:00:00+08:00').getTime();

describe('a year of choices by many homeowners, checked against what each of them last said', () => {
  it('at any moment of any day, marketing is allowed on a channel exactly when the homeowner’s last choice there was a grant and 勿扰 is off; service always', () => {
    const rand = random(20261129);
    const mismatches: string[] = [];
    let checks = 0;
    for (let h = 0; h < 200; h++) {
      const homeownerId = `owner-${h}`;
      const entries: ConsentEntry[] = [];
      // what the homeowner said, kept the plainest way: after each choice, what marketing may do
      const said: Record<ConsentChannel, boolean> = { subscription: false, sms: false, phone: false };
      let doNotDisturb = false;
      const snapshots: { at: number; allowed: Record<ConsentChannel, boolean> }[] = [{ at: 0, allowed: { ...said } }];
      for (let day = 0; day < 365; day++) {
        const at = START + day * DAY + Math.floor(rand() * DAY);
        if (rand() < 0.05) {
          const channel = CONSENT_CHANNELS[Math.floor(rand() * 3)];
          const request: ConsentRequest = rand() < 0.2 ? { subject: 'doNotDisturb', on: rand() < 0.5 } : { subject: 'consent', channel, decision: rand() < 0.5 ? 'granted' : 'withdrawn' };
          const how = rand() < 0.3 ? 'phone' : rand() < 0.5 ? 'messageLink' : 'tap';
          const draft = consentChange(consentState(entries), request, { homeownerId, at, how, recordedBy: how === 'phone' ? { id: 'cs', name: '客服' } : null, noticeVersion: 'v' });
          if (draft) entries.push(consentEntrySchema.parse({ ...draft, _id: `${homeownerId}:${entries.length + 1}`, seq: entries.length + 1 }));
          if (request.subject === 'doNotDisturb') doNotDisturb = request.on;
          else said[request.channel] = request.decision === 'granted';
          const allowed = { subscription: said.subscription && !doNotDisturb, sms: said.sms && !doNotDisturb, phone: said.phone && !doNotDisturb };
          snapshots.push({ at, allowed });
        }
        // a send considered at a random moment of the day, against the ledger as it stands then
        const sendAt = START + day * DAY + Math.floor(rand() * DAY);
        const state = consentState(entries, sendAt);
        const expected = [...snapshots].reverse().find((s) => s.at <= sendAt)?.allowed ?? snapshots[0].allowed;
        for (const channel of CONSENT_CHANNELS) {
          checks++;
          if (marketingAllowedBy(state, channel) !== expected[channel]) mismatches.push(`${homeownerId} day ${day} ${channel}: ledger ${!expected[channel]}, said ${expected[channel]}`);
          if (!contactAllowedBy(state, 'service', channel)) mismatches.push(`${homeownerId} day ${day} ${channel}: service refused`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checks).toBe(200 * 365 * 3);
  });
});
