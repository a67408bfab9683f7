import {
  CLAIM_MEMORY_DAYS,
  claimOf,
  contactLedgerSchema,
  creditKey,
  creditsLeft,
  emptyLedger,
  grantCredit,
  sentOn,
  spendCredit,
  zeroCredits,
  type ContactLedger,
} from '@shared/followup/credits';

const at = (iso: string) => new Date(iso).getTime();
const OWNER = 'owner-li';
const TPL = 'tpl-stage';
const NOW = at('2026-03-11T10:00:00+08:00');

/** The ledger after the homeowner accepted `template` `n` times at NOW. */
function acceptedTimes(n: number, template = TPL, ledger: ContactLedger | null = null): ContactLedger {
  let l = ledger;
  for (let i = 0; i < n; i++) l = grantCredit(l, OWNER, template, NOW);
  if (l === null) throw new Error('accept at least once');
  return l;
}

/** spendCredit that must succeed. */
function spent(ledger: ContactLedger, followUpId: string, now: number, template = TPL): ContactLedger {
  const next = spendCredit(ledger, template, followUpId, now);
  if (next === null) throw new Error(`nothing to spend for ${followUpId}`);
  return next;
}

describe("granting a credit: the homeowner accepted a template in the mini-program", () => {
  it('starts a ledger for a homeowner who had none, with one credit and one acceptance of the template', () => {
    const l = grantCredit(null, OWNER, TPL, NOW);
    expect(l).toEqual({
      _id: OWNER,
      credits: { [TPL]: { templateId: TPL, accepted: 1, spent: 0, left: 1 } },
      day: null,
      sentOnDay: 0,
      claims: {},
      version: 1,
      updatedAt: NOW,
    });
    expect(creditsLeft(l, TPL)).toBe(1);
  });

  it('adds one credit and one acceptance to what the template had, and leaves the other templates alone', () => {
    const before = grantCredit(acceptedTimes(2), OWNER, 'tpl-warranty', NOW);
    const after = grantCredit(before, OWNER, TPL, at('2026-03-11T11:00:00+08:00'));
    expect(after.credits[TPL]).toEqual({ templateId: TPL, accepted: 3, spent: 0, left: 3 });
    expect(after.credits['tpl-warranty']).toEqual({ templateId: 'tpl-warranty', accepted: 1, spent: 0, left: 1 });
  });

  it('counts a credit left after spending as one more than was left', () => {
    const l = spent(acceptedTimes(2), 'f1', NOW);
    expect(grantCredit(l, OWNER, TPL, NOW).credits[TPL]).toEqual({ templateId: TPL, accepted: 3, spent: 1, left: 2 });
  });

  it('has no credits for a template never accepted, nor for a homeowner without a ledger', () => {
    expect(creditsLeft(acceptedTimes(1), 'tpl-warranty')).toBe(0);
    expect(creditsLeft(null, TPL)).toBe(0);
  });
});

describe('spending a credit: a message is about to be sent for a follow-up', () => {
  it('takes one credit, counts the message on its CST day and keeps the claim', () => {
    const sendAt = at('2026-03-11T10:05:00+08:00');
    const l = spent(acceptedTimes(2), 'p-cuihu--midStage', sendAt);
    expect(l.credits[TPL]).toEqual({ templateId: TPL, accepted: 2, spent: 1, left: 1 });
    expect(l).toMatchObject({ day: '2026-03-11', sentOnDay: 1 });
    expect(l.claims).toEqual({ 'p-cuihu--midStage': { templateId: TPL, claimedAt: sendAt } });
    expect(creditsLeft(l, TPL)).toBe(1);
    expect(sentOn(l, sendAt)).toBe(1);
    expect(claimOf(l, 'p-cuihu--midStage')).toEqual({ templateId: TPL, claimedAt: sendAt });
    expect(claimOf(l, 'p-cuihu--other')).toBeNull();
  });

  it('counts every message of the same CST day', () => {
    let l = acceptedTimes(3);
    l = spent(l, 'f1', at('2026-03-11T10:00:00+08:00'));
    l = spent(l, 'f2', at('2026-03-11T15:00:00+08:00'));
    l = spent(l, 'f3', at('2026-03-11T19:30:00+08:00'));
    expect(l).toMatchObject({ day: '2026-03-11', sentOnDay: 3 });
    expect(sentOn(l, at('2026-03-11T21:00:00+08:00'))).toBe(3);
  });

  it('gives null when no credit of the template is left', () => {
    const used = spent(acceptedTimes(1), 'f1', NOW);
    expect(spendCredit(used, TPL, 'f2', NOW)).toBeNull();
    expect(spendCredit(acceptedTimes(1), 'tpl-warranty', 'f1', NOW)).toBeNull();
    expect(spendCredit(emptyLedger(OWNER, NOW), TPL, 'f1', NOW)).toBeNull();
  });

  it('gives null for a follow-up claimed before, even with credits left', () => {
    const once = spent(acceptedTimes(3), 'f1', NOW);
    expect(spendCredit(once, TPL, 'f1', at('2026-03-11T10:01:00+08:00'))).toBeNull();
    expect(spendCredit(once, 'tpl-warranty', 'f1', at('2026-03-11T10:01:00+08:00'))).toBeNull();
  });

  it('leaves the ledger it was given as it was', () => {
    const before = acceptedTimes(2);
    const copy = structuredClone(before);
    spent(before, 'f1', NOW);
    expect(before).toEqual(copy);
  });
});

describe('the daily count is per CST calendar day', () => {
  it('counts 23:30 and 00:30 CST on different days, though they are the same day in UTC', () => {
    const lateEvening = at('2026-03-11T23:30:00+08:00');
    const afterMidnight = at('2026-03-12T00:30:00+08:00');
    const first = spent(acceptedTimes(2), 'f1', lateEvening);
    expect(first).toMatchObject({ day: '2026-03-11', sentOnDay: 1 });
    expect(sentOn(first, afterMidnight)).toBe(0);
    const second = spent(first, 'f2', afterMidnight);
    expect(second).toMatchObject({ day: '2026-03-12', sentOnDay: 1 });
    expect(sentOn(second, afterMidnight)).toBe(1);
    expect(sentOn(second, lateEvening)).toBe(0);
  });

  it('counts 00:30 and 23:30 CST of one day on the same day, though they are different days in UTC', () => {
    const first = spent(acceptedTimes(2), 'f1', at('2026-03-12T00:30:00+08:00'));
    const second = spent(first, 'f2', at('2026-03-12T23:30:00+08:00'));
    expect(second).toMatchObject({ day: '2026-03-12', sentOnDay: 2 });
  });

  it('counts nothing sent for a homeowner without a ledger or before the first message', () => {
    expect(sentOn(null, NOW)).toBe(0);
    expect(sentOn(acceptedTimes(1), NOW)).toBe(0);
  });
});

describe("zeroing a template's credits: WeChat answered 43101", () => {
  it('leaves no credit to spend but keeps the acceptances and what was spent', () => {
    const l = spent(acceptedTimes(3), 'f1', NOW);
    const zeroed = zeroCredits(l, TPL, at('2026-03-11T10:01:00+08:00'));
    expect(zeroed.credits[TPL]).toEqual({ templateId: TPL, accepted: 3, spent: 1, left: 0 });
    expect(creditsLeft(zeroed, TPL)).toBe(0);
    expect(spendCredit(zeroed, TPL, 'f2', at('2026-03-11T10:02:00+08:00'))).toBeNull();
  });

  it('keeps the day count, the claims and the other templates as they were', () => {
    const l = spent(grantCredit(acceptedTimes(2), OWNER, 'tpl-warranty', NOW), 'f1', NOW);
    const zeroed = zeroCredits(l, TPL, at('2026-03-11T10:01:00+08:00'));
    expect(zeroed).toMatchObject({ day: l.day, sentOnDay: l.sentOnDay, claims: l.claims });
    expect(zeroed.credits['tpl-warranty']).toEqual(l.credits['tpl-warranty']);
  });

  it('lets a later acceptance grant a credit again', () => {
    const zeroed = zeroCredits(acceptedTimes(2), TPL, NOW);
    expect(grantCredit(zeroed, OWNER, TPL, NOW).credits[TPL]).toEqual({ templateId: TPL, accepted: 3, spent: 0, left: 1 });
  });

  it('changes nothing when nothing was left: the same ledger comes back', () => {
    const none = spent(acceptedTimes(1), 'f1', NOW);
    expect(zeroCredits(none, TPL, at('2026-03-11T10:01:00+08:00'))).toBe(none);
    const empty = emptyLedger(OWNER, NOW);
    expect(zeroCredits(empty, TPL, at('2026-03-11T10:01:00+08:00'))).toBe(empty);
  });
});

describe('the version of the ledger', () => {
  it('goes up by one, and updatedAt moves to the time, with every grant, spend and zeroing', () => {
    const granted = grantCredit(null, OWNER, TPL, at('2026-03-11T09:00:00+08:00'));
    expect(granted).toMatchObject({ version: 1, updatedAt: at('2026-03-11T09:00:00+08:00') });
    const again = grantCredit(granted, OWNER, TPL, at('2026-03-11T09:30:00+08:00'));
    expect(again).toMatchObject({ version: 2, updatedAt: at('2026-03-11T09:30:00+08:00') });
    const sending = spent(again, 'f1', at('2026-03-11T10:00:00+08:00'));
    expect(sending).toMatchObject({ version: 3, updatedAt: at('2026-03-11T10:00:00+08:00') });
    const zeroed = zeroCredits(sending, TPL, at('2026-03-11T10:00:05+08:00'));
    expect(zeroed).toMatchObject({ version: 4, updatedAt: at('2026-03-11T10:00:05+08:00') });
  });

  it('starts at 0 in an empty ledger', () => {
    expect(emptyLedger(OWNER, NOW)).toEqual({ _id: OWNER, credits: {}, day: null, sentOnDay: 0, claims: {}, version: 0, updatedAt: NOW });
  });

  it('gives ledgers that the stored schema accepts as they are', () => {
    const l = zeroCredits(spent(acceptedTimes(2), 'f1', NOW), TPL, NOW);
    expect(contactLedgerSchema.parse(l)).toEqual(l);
  });
});

describe('claims are remembered for CLAIM_MEMORY_DAYS', () => {
  it('is seven days', () => {
    expect(CLAIM_MEMORY_DAYS).toBe(7);
  });

  it('forgets claims more than seven days old on the next spend, and keeps the newer ones', () => {
    let l = acceptedTimes(3);
    l = spent(l, 'f-old', at('2026-03-01T10:00:00+08:00'));
    l = spent(l, 'f-recent', at('2026-03-05T10:00:00+08:00'));
    l = spent(l, 'f-new', at('2026-03-08T10:00:01+08:00'));
    expect(Object.keys(l.claims).sort()).toEqual(['f-new', 'f-recent']);
    expect(claimOf(l, 'f-old')).toBeNull();
    expect(claimOf(l, 'f-recent')).toEqual({ templateId: TPL, claimedAt: at('2026-03-05T10:00:00+08:00') });
  });

  it('keeps a claim one second short of seven days old', () => {
    let l = acceptedTimes(2);
    l = spent(l, 'f-old', at('2026-03-01T10:00:00+08:00'));
    l = spent(l, 'f-new', at('2026-03-08T09:59:59+08:00'));
    expect(Object.keys(l.claims).sort()).toEqual(['f-new', 'f-old']);
  });

  it('forgets nothing until the next spend: grants and zeroing keep old claims', () => {
    let l = spent(acceptedTimes(1), 'f-old', at('2026-03-01T10:00:00+08:00'));
    l = grantCredit(l, OWNER, TPL, at('2026-03-20T10:00:00+08:00'));
    l = zeroCredits(l, TPL, at('2026-03-20T10:00:01+08:00'));
    expect(claimOf(l, 'f-old')).toEqual({ templateId: TPL, claimedAt: at('2026-03-01T10:00:00+08:00') });
  });

  it('lets a forgotten follow-up be claimed again: the memory is what stops a second message', () => {
    let l = spent(acceptedTimes(3), 'f1', at('2026-03-01T10:00:00+08:00'));
    expect(spendCredit(l, TPL, 'f1', at('2026-03-07T10:00:00+08:00'))).toBeNull();
    l = spent(l, 'f2', at('2026-03-09T10:00:00+08:00'));
    expect(claimOf(l, 'f1')).toBeNull();
    expect(claimOf(spent(l, 'f1', at('2026-03-09T10:01:00+08:00')), 'f1')).toEqual({ templateId: TPL, claimedAt: at('2026-03-09T10:01:00+08:00') });
  });
});

describe('template ids in field names', () => {
  it('keeps letters, digits, "_" and "-" as they are', () => {
    expect(creditKey('AbC_9-xYz')).toBe('AbC_9-xYz');
  });

  it('replaces every other character with "-", so no "." or "$" becomes part of a field path', () => {
    expect(creditKey('tpl.stage')).toBe('tpl-stage');
    expect(creditKey('$a.b c/d')).toBe('-a-b-c-d');
    expect(creditKey('模板')).toBe('--');
  });

  it('stores credits of such a template under the safe key, with the real id inside, and finds them again', () => {
    const l = grantCredit(null, OWNER, 'tpl.a$b', NOW);
    expect(Object.keys(l.credits)).toEqual(['tpl-a-b']);
    expect(l.credits['tpl-a-b']).toEqual({ templateId: 'tpl.a$b', accepted: 1, spent: 0, left: 1 });
    expect(creditsLeft(l, 'tpl.a$b')).toBe(1);
    const used = spent(l, 'f1', NOW, 'tpl.a$b');
    expect(Object.keys(used.credits)).toEqual(['tpl-a-b']);
    expect(creditsLeft(used, 'tpl.a$b')).toBe(0);
    expect(zeroCredits(grantCredit(used, OWNER, 'tpl.a$b', NOW), 'tpl.a$b', NOW).credits).toEqual({
      'tpl-a-b': { templateId: 'tpl.a$b', accepted: 2, spent: 1, left: 0 },
    });
  });
});
