import { formatRef, nextRef, normalizeRef, refCounterId, refDay, refText, storedRefSchema } from '@shared/core/refs';

const at = (iso: string) => new Date(iso).getTime();

describe('reference numbers', () => {
  it('a reference is the kind, the China Standard Time date and a four-digit number of that day', () => {
    expect(formatRef('repair', at('2026-11-29T10:05:00+08:00'), 7)).toBe('BX-20261129-0007');
    expect(formatRef('complaint', at('2026-11-29T10:05:00+08:00'), 3)).toBe('TS-20261129-0003');
  });

  it('the date is the CST day even when UTC is still on the day before or already on the next', () => {
    // 00:10 CST on the 29th is 16:10 UTC on the 28th; 23:50 CST on the 29th is 15:50 UTC on the 29th
    expect(refDay(at('2026-11-29T00:10:00+08:00'))).toBe('20261129');
    expect(refDay(at('2026-11-29T23:50:00+08:00'))).toBe('20261129');
    expect(refDay(at('2026-11-30T00:00:00+08:00'))).toBe('20261130');
    expect(refCounterId('repair', at('2026-11-28T16:10:00Z'))).toBe('BX-20261129');
  });

  it('the number widens past 9999 instead of repeating, and counts from 1', () => {
    expect(formatRef('repair', at('2026-11-29T10:00:00+08:00'), 10000)).toBe('BX-20261129-10000');
    expect(() => formatRef('repair', at('2026-11-29T10:00:00+08:00'), 0)).toThrow(RangeError);
    expect(() => formatRef('repair', at('2026-11-29T10:00:00+08:00'), 1.5)).toThrow(RangeError);
  });

  it('each kind and CST day has its own counter: the first record of a day is 0001, the next continues from the counter', () => {
    const day = at('2026-11-29T10:00:00+08:00');
    const first = nextRef(null, 'complaint', day);
    expect(first).toEqual({ counter: { _id: 'TS-20261129', last: 1, updatedAt: day }, ref: 'TS-20261129-0001' });
    const second = nextRef(first.counter, 'complaint', day + 60_000);
    expect(second.ref).toBe('TS-20261129-0002');
    expect(second.counter.last).toBe(2);
    expect(nextRef(null, 'repair', day).counter._id).toBe('BX-20261129');
  });

  it('what a person types or reads out is matched however it is written: case, spaces, dashes and leading zeros do not matter', () => {
    for (const typed of ['BX-20261129-0007', 'bx-20261129-0007', 'BX202611290007', ' bx 20261129 7 ', 'BX-20261129-7']) {
      expect(normalizeRef(typed)).toEqual({ kind: 'repair', ref: 'BX-20261129-0007' });
    }
    expect(normalizeRef('ts-20261129-3')).toEqual({ kind: 'complaint', ref: 'TS-20261129-0003' });
    expect(normalizeRef('TS-20261129-12345')).toEqual({ kind: 'complaint', ref: 'TS-20261129-12345' });
  });

  it('anything that is not a reference is not taken for one', () => {
    for (const typed of ['', 'BX', 'XX-20261129-0007', 'BX-2026112-0007', 'BX-20261129-0000', 'BX-20261129-', '20261129-0007', 'TS-20261129-1234567']) {
      expect(normalizeRef(typed)).toBeNull();
    }
  });

  it('a record stored before references existed reads with a null reference, and screens name it honestly', () => {
    expect(storedRefSchema.parse(undefined)).toBeNull();
    expect(storedRefSchema.parse('BX-20261129-0007')).toBe('BX-20261129-0007');
    expect(refText(null)).toBe('早期记录，无编号');
    expect(refText('TS-20261129-0003')).toBe('TS-20261129-0003');
  });
});
