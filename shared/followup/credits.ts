import * as z from 'zod/mini';
import { cstDate, DAY, type Millis } from '../core/time';

/**
 * The homeowner's contact ledger (DOMAIN §3 daily cap, §10 subscription credits), one document per
 * homeowner in `contacts/<homeownerId>`:
 * - credits per template: one acceptance of a template in the mini-program grants one message; one
 *   message spends one; WeChat's 43101 (not subscribed, or refused) zeroes what is left of that template.
 * - the messages sent on one CST day, against the daily cap.
 * - the sends under way: a claim names the follow-up and when it was claimed. A follow-up with a claim
 *   is never sent again: if its outcome was never recorded, it becomes a phone task once the claim lapses.
 * Every change bumps `version`, so a writer that read an older ledger cannot store over a newer one.
 */
export const templateCreditsSchema = z.object({
  templateId: z.string(),
  /** acceptances the mini-program reported */
  accepted: z.number().check(z.int()),
  /** messages sent (or claimed for sending) with this template */
  spent: z.number().check(z.int()),
  /** what may still be sent: accepted − spent, or 0 after WeChat refused */
  left: z.number().check(z.int()),
});
export type TemplateCredits = z.infer<typeof templateCreditsSchema>;

export const sendClaimSchema = z.object({ templateId: z.string(), claimedAt: z.number() });
export type SendClaim = z.infer<typeof sendClaimSchema>;

export const contactLedgerSchema = z.object({
  /** the homeowner's id */
  _id: z.string(),
  /** keyed by `creditKey(templateId)` */
  credits: z.record(z.string(), templateCreditsSchema),
  /** the CST date `sentOnDay` counts, null before the first message */
  day: z.nullable(z.string()),
  sentOnDay: z.number().check(z.int()),
  /** sends under way or done, keyed by follow-up id; kept CLAIM_MEMORY_DAYS */
  claims: z.record(z.string(), sendClaimSchema),
  version: z.number().check(z.int()),
  updatedAt: z.number(),
});
export type ContactLedger = z.infer<typeof contactLedgerSchema>;

/**
 * A claim is forgotten this long after it was made. Its follow-up was recorded long before (the
 * dispatcher looks at a follow-up with a claim on its next run, minutes later), so forgetting it can
 * never let a message go twice unless the timer stood still for this long.
 */
export const CLAIM_MEMORY_DAYS = 7;

/** Template ids are WeChat's (letters, digits, '-' and '_'); anything else is kept out of field names. */
export function creditKey(templateId: string): string {
  return templateId.replace(/[^\w-]/g, '-');
}

export function emptyLedger(homeownerId: string, now: Millis): ContactLedger {
  return { _id: homeownerId, credits: {}, day: null, sentOnDay: 0, claims: {}, version: 0, updatedAt: now };
}

/** Messages of `templateId` the homeowner may still be sent. */
export function creditsLeft(ledger: ContactLedger | null, templateId: string): number {
  return Math.max(0, ledger?.credits[creditKey(templateId)]?.left ?? 0);
}

/** Messages sent to the homeowner on the CST day of `now`. */
export function sentOn(ledger: ContactLedger | null, now: Millis): number {
  return ledger && ledger.day === cstDate(now) ? ledger.sentOnDay : 0;
}

/** The send claimed for a follow-up, if any. */
export function claimOf(ledger: ContactLedger | null, followUpId: string): SendClaim | null {
  return ledger?.claims[followUpId] ?? null;
}

function entry(ledger: ContactLedger, templateId: string): TemplateCredits {
  return ledger.credits[creditKey(templateId)] ?? { templateId, accepted: 0, spent: 0, left: 0 };
}

function changed(ledger: ContactLedger, change: Partial<ContactLedger>, now: Millis): ContactLedger {
  return { ...ledger, ...change, version: ledger.version + 1, updatedAt: now };
}

/** The homeowner accepted the template once in the mini-program: one more message may be sent. */
export function grantCredit(ledger: ContactLedger | null, homeownerId: string, templateId: string, now: Millis): ContactLedger {
  const l = ledger ?? emptyLedger(homeownerId, now);
  const e = entry(l, templateId);
  const credits = { ...l.credits, [creditKey(templateId)]: { ...e, accepted: e.accepted + 1, left: e.left + 1 } };
  return changed(l, { credits }, now);
}

/**
 * A message is about to be sent for `followUpId`: one credit of the template is spent, the day's count
 * goes up, and the claim is kept. Null when nothing is left to spend or the follow-up was claimed before.
 * A notice's push (`countDay: false`, claimed under `pushClaimKey`) spends a credit the same way but
 * is not a follow-up, so it does not count against the daily cap on follow-up messages.
 */
export function spendCredit(
  ledger: ContactLedger,
  templateId: string,
  followUpId: string,
  now: Millis,
  { countDay = true }: { countDay?: boolean } = {},
): ContactLedger | null {
  const e = entry(ledger, templateId);
  if (e.left <= 0 || ledger.claims[followUpId]) return null;
  const today = cstDate(now);
  const kept = Object.entries(ledger.claims).filter(([, c]) => now - c.claimedAt < CLAIM_MEMORY_DAYS * DAY);
  const day = countDay ? { day: today, sentOnDay: (ledger.day === today ? ledger.sentOnDay : 0) + 1 } : {};
  return changed(
    ledger,
    {
      credits: { ...ledger.credits, [creditKey(templateId)]: { ...e, spent: e.spent + 1, left: e.left - 1 } },
      ...day,
      claims: Object.fromEntries([...kept, [followUpId, { templateId, claimedAt: now }]]),
    },
    now,
  );
}

/** WeChat said 43101: the homeowner has not (or no longer) accepted the template, whatever we counted. */
export function zeroCredits(ledger: ContactLedger, templateId: string, now: Millis): ContactLedger {
  const e = entry(ledger, templateId);
  if (e.left === 0) return ledger;
  return changed(ledger, { credits: { ...ledger.credits, [creditKey(templateId)]: { ...e, left: 0 } } }, now);
}
