import * as z from 'zod/mini';
import { DAY, type Millis } from '../core/time';
import { nextContactTime, type ContactWindow } from '../followup/contact';
import { fail, ok, type Result } from '../core/result';

/**
 * Prospects (意向客户): people who visited or enquired but have not signed (DOMAIN §8, seed 002).
 * Lead classes and how often staff follow up with a call: A decides in 1–2 days (daily), B in 1–2
 * weeks (every 2–3 days), C is comparing (about weekly), D long term (monthly), E no present need
 * (every 2 months). Calls only with the prospect's consent to marketing calls; "stop" ends them.
 */
export const LEAD_CLASSES = ['A', 'B', 'C', 'D', 'E'] as const;
export type LeadClass = (typeof LEAD_CLASSES)[number];

export const LEAD_CLASS_LABELS: Record<LeadClass, string> = {
  A: 'A 类：1–2 天内决定',
  B: 'B 类：1–2 周内决定',
  C: 'C 类：还在考虑、比较',
  D: 'D 类：长期客户',
  E: 'E 类：暂时没有需求',
};

/** Days between follow-up calls per class, and after a showroom visit (002: call 2–3 days later). Admin-configurable. */
export interface ProspectCadence {
  everyDays: Record<LeadClass, number>;
  afterShowroomVisitDays: number;
}

export const DEFAULT_PROSPECT_CADENCE: ProspectCadence = {
  everyDays: { A: 1, B: 2, C: 7, D: 30, E: 60 },
  afterShowroomVisitDays: 2,
};

/** `settings/prospect` merged over the defaults; anything that is not a whole number of days from 1 to 365 is ignored. */
export function prospectCadenceWith(overrides: unknown): ProspectCadence {
  const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Record<string, unknown>;
  const days = (typeof o.everyDays === 'object' && o.everyDays !== null ? o.everyDays : {}) as Record<string, unknown>;
  const valid = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365;
  const everyDays = { ...DEFAULT_PROSPECT_CADENCE.everyDays };
  for (const c of LEAD_CLASSES) if (valid(days[c])) everyDays[c] = days[c];
  return { everyDays, afterShowroomVisitDays: valid(o.afterShowroomVisitDays) ? o.afterShowroomVisitDays : DEFAULT_PROSPECT_CADENCE.afterShowroomVisitDays };
}

const classChangeSchema = z.object({ from: z.enum(LEAD_CLASSES), to: z.enum(LEAD_CLASSES), reason: z.string(), by: z.string(), byName: z.string(), at: z.number() });
const prospectCallSchema = z.object({ at: z.number(), by: z.string(), byName: z.string(), note: z.string() });

/** A prospect as stored in `prospects`. */
export const prospectSchema = z.object({
  _id: z.string(),
  name: z.string(),
  phone: z.string(),
  leadClass: z.enum(LEAD_CLASSES),
  /** when they visited the showroom, if they did */
  showroomVisitAt: z.nullable(z.number()),
  /** when staff should call next; null: no calls (no consent, or stopped). What the queue queries. */
  nextCallAt: z.nullable(z.number()),
  stoppedAt: z.nullable(z.number()),
  classHistory: z.array(classChangeSchema),
  calls: z.array(prospectCallSchema),
  createdBy: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Prospect = z.infer<typeof prospectSchema>;

/**
 * When the next call is due: none without call consent or once stopped; otherwise the class's
 * interval after the last call — or, before any call, after the showroom visit (or at once) — moved
 * into the next contact window.
 */
export function nextProspectCall(p: Pick<Prospect, 'leadClass' | 'showroomVisitAt' | 'stoppedAt' | 'calls' | 'createdAt'>, callConsent: boolean, cadence: ProspectCadence, windows: ContactWindow[]): Millis | null {
  if (!callConsent || p.stoppedAt !== null) return null;
  const last = p.calls.length ? p.calls[p.calls.length - 1].at : null;
  const due = last !== null ? last + cadence.everyDays[p.leadClass] * DAY : p.showroomVisitAt !== null ? p.showroomVisitAt + cadence.afterShowroomVisitDays * DAY : p.createdAt;
  return nextContactTime(due, windows);
}

/**
 * 002: an E prospect (no present need) is followed up over 1–6 months to see whether they became a D or
 * C; after this many days in E since the class was set, staff should re-assess the class or stop.
 */
export const CLASS_REVIEW_AFTER_DAYS = 180;

/** Whether an E prospect has been in E for CLASS_REVIEW_AFTER_DAYS or more (and is still followed up). */
export function classReviewDue(p: Pick<Prospect, 'leadClass' | 'stoppedAt' | 'classHistory' | 'createdAt'>, now: Millis): boolean {
  if (p.leadClass !== 'E' || p.stoppedAt !== null) return false;
  const since = p.classHistory.length ? p.classHistory[p.classHistory.length - 1].at : p.createdAt;
  return now - since >= CLASS_REVIEW_AFTER_DAYS * DAY;
}

/** A class change needs a reason; it is kept in the history. Changing to the same class is refused. */
export function withLeadClass(p: Prospect, to: LeadClass, reason: string, by: { id: string; name: string }, now: Millis): Result<Prospect> {
  if (p.stoppedAt !== null) return fail('PROSPECT.STOPPED', '已停止跟进，不能再调整分类');
  if (p.leadClass === to) return fail('REQUEST.INVALID', '分类没有变化', { leadClass: `已经是 ${to} 类` });
  return ok({ ...p, leadClass: to, classHistory: [...p.classHistory, { from: p.leadClass, to, reason, by: by.id, byName: by.name, at: now }], updatedAt: now });
}
