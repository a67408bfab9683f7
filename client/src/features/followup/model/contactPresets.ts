import { PREFERRED_TIME_PRESETS, type ContactWindow } from '@shared/followup/contact';

/** The chip for the company's own windows (no preference stored). */
export const DEFAULT_CHOICE = 'default';

const sameWindows = (a: readonly ContactWindow[], b: readonly ContactWindow[]) =>
  a.length === b.length && a.every((w, i) => w.days === b[i].days && w.from === b[i].from && w.to === b[i].to);

/** Which chip the stored preference is: 'default', a preset's id, or null for a time set some other way. */
export function chosenPreset(windows: readonly ContactWindow[] | null): string | null {
  if (windows === null) return DEFAULT_CHOICE;
  return PREFERRED_TIME_PRESETS.find((p) => sameWindows(p.windows, windows))?.id ?? null;
}

/** '工作日晚上 19:30-21:30' → ['工作日晚上', '19:30-21:30']. */
export function presetParts(label: string): [string, string] {
  const at = label.indexOf(' ');
  return at < 0 ? [label, ''] : [label.slice(0, at), label.slice(at + 1)];
}
