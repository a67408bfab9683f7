import type { TimelineStep } from '@shared/followup/api';

export type StepState = 'done' | 'current' | 'planned' | 'upcoming';

/** Where a milestone stands: reached (the latest one is current), a date still ahead (planned), or not yet. */
export function stepState(step: TimelineStep, today: string): StepState {
  if (step.current) return 'current';
  if (!step.date) return 'upcoming';
  return step.date > today ? 'planned' : 'done';
}

/** How many steps a folded timeline shows around the current one. */
const BEFORE = 2;
const AFTER = 2;

/** The steps a folded timeline shows: a few before the current one and the next few after it. */
export function foldedRange(steps: readonly TimelineStep[]): { from: number; to: number } {
  const at = steps.findIndex((s) => s.current);
  if (steps.length <= BEFORE + AFTER + 1) return { from: 0, to: steps.length };
  if (at < 0) return { from: 0, to: AFTER + 1 };
  const from = Math.max(0, Math.min(at - BEFORE, steps.length - (BEFORE + AFTER + 1)));
  return { from, to: from + BEFORE + AFTER + 1 };
}
