import { cst, cstDate, formatCst, parseInstant } from '@shared/core/time';

describe('business time is China Standard Time whatever the machine zone', () => {
  it('formats an instant as Beijing wall-clock time', () => {
    expect(formatCst(Date.UTC(2026, 2, 1, 16, 30))).toBe('2026-03-02 00:30');
  });

  it('formats Beijing time right next to a daylight-saving change of the machine zone (US: 2026-03-08, 2026-11-01)', () => {
    expect(formatCst(Date.UTC(2026, 2, 8, 2, 0))).toBe('2026-03-08 10:00');
    expect(formatCst(Date.UTC(2026, 10, 1, 3, 30))).toBe('2026-11-01 11:30');
    expect(formatCst(Date.UTC(2026, 2, 8, 2, 0), 'MM-DD HH:mm')).toBe('03-08 10:00');
  });

  it('puts an instant on its Beijing calendar date, across a year end', () => {
    expect(cstDate(Date.UTC(2026, 11, 31, 16, 0))).toBe('2027-01-01');
    expect(cstDate(Date.UTC(2026, 11, 31, 15, 59))).toBe('2026-12-31');
  });

  it('reads wall-clock text without an offset as Beijing time', () => {
    expect(cst('2026-03-01T09:00:00').valueOf()).toBe(Date.UTC(2026, 2, 1, 1, 0));
    expect(cst('2026-03-01').valueOf()).toBe(Date.UTC(2026, 1, 28, 16, 0));
    expect(parseInstant('2026-03-01 09:00')).toBe(Date.UTC(2026, 2, 1, 1, 0));
  });

  it('takes text with an offset as written and refuses what is not a date', () => {
    expect(parseInstant('2026-03-01T09:00:00Z')).toBe(Date.UTC(2026, 2, 1, 9, 0));
    expect(parseInstant('next tuesday')).toBeNull();
  });

  it('knows 29 February only in leap years', () => {
    expect(cst('2028-02-29').format('YYYY-MM-DD')).toBe('2028-02-29');
    expect(cst('2026-02-29').format('YYYY-MM-DD')).not.toBe('2026-02-29');
  });
});

describe('the CST calendar date next to a daylight-saving change of the machine', () => {
  it('is the China date of the instant whatever the machine zone does that night', () => {
    // 2026-03-08 is the night Los Angeles moves its clocks; China does not
    expect(cstDate(Date.parse('2026-03-08T15:59:00Z'))).toBe('2026-03-08');
    expect(cstDate(Date.parse('2026-03-08T16:00:00Z'))).toBe('2026-03-09');
    expect(cstDate(Date.parse('2026-11-01T16:00:00Z'))).toBe('2026-11-02');
  });
});
