import { cstDate, type Millis } from '../core/time';
import type { Milestone, Project } from './project';

/** A milestone the site manager should record, and why it matters to the follow-ups (DOMAIN §3). */
export interface MilestoneDue {
  milestone: Milestone;
  text: string;
}

/**
 * What a site's milestones are waiting for: the contract completion date has passed without a
 * completion (record it when it comes: the late-completion follow-up asks again), or the site is
 * completed but the completion follow-up waits for the final payment and the warranty (all three).
 * Pure.
 */
export function milestonesDue(p: Pick<Project, 'milestones'>, now: Millis): MilestoneDue[] {
  const m = p.milestones;
  const today = cstDate(now);
  const due: MilestoneDue[] = [];
  if (m.started && m.plannedCompletion && !m.completed && m.plannedCompletion < today) {
    due.push({ milestone: 'completed', text: `合同竣工日 ${m.plannedCompletion} 已过，竣工后请记录竣工日期` });
  }
  if (m.completed && !m.finalPayment) due.push({ milestone: 'finalPayment', text: '已竣工：交清尾款后请记录，竣工回访要等尾款和保修都办好' });
  if (m.completed && m.finalPayment && !m.warrantyRegistered) due.push({ milestone: 'warrantyRegistered', text: '已竣工并交清尾款：办理保修后由行政记录，竣工回访随之安排' });
  return due;
}
