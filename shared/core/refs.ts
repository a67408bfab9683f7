import * as z from 'zod/mini';
import { cstDate, type Millis } from './time';

/**
 * Reference numbers a person can read out on the phone: repairs `BX-20261129-0007` (报修), complaints
 * `TS-20261129-0003` (投诉), enquiries, suggestions and service needs at the desk `ZX-20261129-0002`
 * (咨询). The date is the China Standard Time day the record was made; the number
 * counts that day's records of the kind from 1, four digits, wider only past 9999 so it never repeats.
 */
export const REF_KINDS = { repair: 'BX', complaint: 'TS', enquiry: 'ZX' } as const;
export type RefKind = keyof typeof REF_KINDS;
export type RefPrefix = (typeof REF_KINDS)[RefKind];

/** The counter of one kind and CST day (`counters/<prefix>-<YYYYMMDD>`): the last number given out. */
export const refCounterSchema = z.object({
  _id: z.string(),
  last: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.number(),
});
export type RefCounter = z.infer<typeof refCounterSchema>;

/** The CST day of an instant as the reference writes it: `YYYYMMDD`. */
export function refDay(at: Millis): string {
  return cstDate(at).replaceAll('-', '');
}

/** The id of the counter that numbers this kind's records made on the CST day of `at`. */
export function refCounterId(kind: RefKind, at: Millis): string {
  return `${REF_KINDS[kind]}-${refDay(at)}`;
}

/** The reference of the `seq`-th record of its kind on that CST day. */
export function formatRef(kind: RefKind, at: Millis, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`a reference number counts from 1, not ${seq}`);
  return `${refCounterId(kind, at)}-${String(seq).padStart(4, '0')}`;
}

/** The counter after one more number is given out, and that number's reference. */
export function nextRef(counter: RefCounter | null, kind: RefKind, at: Millis): { counter: RefCounter; ref: string } {
  const last = (counter?.last ?? 0) + 1;
  return { counter: { _id: refCounterId(kind, at), last, updatedAt: at }, ref: formatRef(kind, at, last) };
}

const REF_PATTERN = /^(BX|TS|ZX)-?(\d{8})-?(\d{1,6})$/;
const KIND_OF_PREFIX: Record<RefPrefix, RefKind> = { BX: 'repair', TS: 'complaint', ZX: 'enquiry' };

/**
 * What someone typed or read out, as the stored reference, or null when it is not one: case, spaces
 * and missing dashes do not matter, and the number may be given without its leading zeros
 * (`ts 20261129 3` → `TS-20261129-0003`).
 */
export function normalizeRef(text: string): { kind: RefKind; ref: string } | null {
  const m = REF_PATTERN.exec(text.trim().toUpperCase().replace(/[\s_—–]+/g, ''));
  if (!m) return null;
  const seq = Number(m[3]);
  if (seq < 1) return null;
  const kind = KIND_OF_PREFIX[m[1] as RefPrefix];
  return { kind, ref: `${m[1]}-${m[2]}-${String(seq).padStart(4, '0')}` };
}

/** A stored reference, absent on records made before references existed: read as null. */
export const storedRefSchema = z._default(z.nullable(z.string()), null);

/** How a record without a reference (made before they existed) is named on screens. */
export const NO_REF_LABEL = '早期记录，无编号';

/** The reference as a screen shows it. */
export function refText(ref: string | null): string {
  return ref ?? NO_REF_LABEL;
}

/** A search for one record by its reference (the staff lists' search box). */
export const refSearchSchema = z.string({ error: '请输入编号，例如 BX-20261129-0007' }).check(
  z.trim(),
  z.minLength(1, { error: '请输入编号，例如 BX-20261129-0007' }),
  z.maxLength(40, { error: '编号太长了，请核对' }),
);
