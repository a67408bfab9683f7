import {
  contactWindowSchema,
  contactWindowsSchema,
  DEFAULT_CONTACT_WINDOWS,
  describeWindows,
  insideWindow,
  nextContactTime,
  PREFERRED_TIME_PRESETS,
  startOfNextDay,
} from '@shared/followup/contact';

const at = (iso: string) => new Date(iso).getTime();
const EVENING = PREFERRED_TIME_PRESETS[1].windows;
const WEEKEND_MORNING = PREFERRED_TIME_PRESETS[2].windows;

// 2026-03-11 is a Wednesday, 2026-03-14 a Saturday.
describe('whether an instant is inside a contact window (CST wall-clock time)', () => {
  it('includes 10:00 and 11:29 but not 09:59 or 11:30, the end being exclusive', () => {
    expect(insideWindow(at('2026-03-11T10:00:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(true);
    expect(insideWindow(at('2026-03-11T11:29:59+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(true);
    expect(insideWindow(at('2026-03-11T09:59:59+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(false);
    expect(insideWindow(at('2026-03-11T11:30:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(false);
  });

  it('includes 15:00 to 17:29 in the afternoon, and lunchtime is outside', () => {
    expect(insideWindow(at('2026-03-11T13:00:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(false);
    expect(insideWindow(at('2026-03-11T15:00:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(true);
    expect(insideWindow(at('2026-03-11T17:30:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(false);
  });

  it('reads the time in CST, not the machine zone: 02:00 UTC is 10:00 in Beijing', () => {
    expect(insideWindow(at('2026-03-11T02:00:00Z'), DEFAULT_CONTACT_WINDOWS)).toBe(true);
  });

  it('applies weekday windows Monday to Friday and weekend windows on Saturday and Sunday only', () => {
    expect(insideWindow(at('2026-03-13T20:00:00+08:00'), EVENING)).toBe(true);
    expect(insideWindow(at('2026-03-14T20:00:00+08:00'), EVENING)).toBe(false);
    expect(insideWindow(at('2026-03-14T11:00:00+08:00'), WEEKEND_MORNING)).toBe(true);
    expect(insideWindow(at('2026-03-15T11:00:00+08:00'), WEEKEND_MORNING)).toBe(true);
    expect(insideWindow(at('2026-03-16T11:00:00+08:00'), WEEKEND_MORNING)).toBe(false);
  });
});

describe('the next contact time', () => {
  it('is now when now is inside a window', () => {
    expect(nextContactTime(at('2026-03-11T10:15:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(at('2026-03-11T10:15:00+08:00'));
  });

  it('is the start of the afternoon window from lunchtime, and 10:00 tomorrow from the evening', () => {
    expect(nextContactTime(at('2026-03-11T12:00:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(at('2026-03-11T15:00:00+08:00'));
    expect(nextContactTime(at('2026-03-11T18:00:00+08:00'), DEFAULT_CONTACT_WINDOWS)).toBe(at('2026-03-12T10:00:00+08:00'));
  });

  it('jumps the weekend for weekday evenings: Friday 22:00 → Monday 19:30', () => {
    expect(nextContactTime(at('2026-03-13T22:00:00+08:00'), EVENING)).toBe(at('2026-03-16T19:30:00+08:00'));
  });

  it('waits for Saturday 10:30 for weekend mornings from a Wednesday', () => {
    expect(nextContactTime(at('2026-03-11T10:00:00+08:00'), WEEKEND_MORNING)).toBe(at('2026-03-14T10:30:00+08:00'));
  });

  it('is null when there are no windows at all', () => {
    expect(nextContactTime(at('2026-03-11T10:00:00+08:00'), [])).toBeNull();
  });

  it('starts the next CST day at midnight Beijing time', () => {
    expect(startOfNextDay(at('2026-03-11T23:59:00+08:00'))).toBe(at('2026-03-12T00:00:00+08:00'));
    expect(startOfNextDay(at('2026-03-11T00:00:00+08:00'))).toBe(at('2026-03-12T00:00:00+08:00'));
  });
});

describe('contact windows as a homeowner sets them', () => {
  it('accepts the presets', () => {
    for (const preset of PREFERRED_TIME_PRESETS) expect(contactWindowsSchema.safeParse(preset.windows).success).toBe(true);
  });

  it('refuses an end before the start, a malformed time, no window, and more than 4', () => {
    expect(contactWindowSchema.safeParse({ days: 'any', from: '21:30', to: '19:30' }).success).toBe(false);
    expect(contactWindowSchema.safeParse({ days: 'any', from: '7:30', to: '09:30' }).success).toBe(false);
    expect(contactWindowSchema.safeParse({ days: 'weekdays', from: '07:30', to: '09:30' }).success).toBe(false);
    expect(contactWindowsSchema.safeParse([]).success).toBe(false);
    expect(contactWindowsSchema.safeParse(Array(5).fill({ days: 'any', from: '10:00', to: '11:00' })).success).toBe(false);
  });

  it('describes them for people', () => {
    expect(describeWindows([...EVENING, ...WEEKEND_MORNING])).toBe('工作日 19:30-21:30、周末 10:30-12:00');
  });
});
