import type { MilestoneChange } from '@shared/project/project';
import { MILESTONE_LABELS } from '@shared/project/project';
import { Timeline } from '@/components/Timeline';

/** '开工：记录为 2026-11-11', '开工：2026-11-11 改为 2026-11-12', '开工：删除（原 2026-11-11）'. */
function describeChange(c: MilestoneChange): string {
  const name = MILESTONE_LABELS[c.milestone];
  if (c.to === null) return `${name}：删除（原 ${c.from ?? '—'}）`;
  if (c.from === null) return `${name}：记录为 ${c.to}`;
  return `${name}：${c.from} 改为 ${c.to}`;
}

/** Every recording and correction of the milestones, newest first, with who and why. Items: `#milestone-change-<i>` (0 = first). */
export function MilestoneHistory({ history }: { history: readonly MilestoneChange[] }) {
  if (history.length === 0) return null;
  const events = history.map((c) => ({ type: c.milestone, label: describeChange(c), at: c.at, byName: c.byName, note: c.reason ?? undefined }));
  return <Timeline id='milestone-history' title='节点记录与修改' history={events} itemIdPrefix='milestone-change' />;
}
