import type { MilestoneRow } from '@shared/project/api';
import type { WarrantyRegisteredBy } from '@shared/project/project';

export interface MilestoneDraft {
  date: string;
  warrantyBy: WarrantyRegisteredBy | undefined;
  reason: string;
}

/**
 * What is wrong with a milestone form before it is sent, by field: a correction needs a reason, the
 * warranty needs who registered it, and recording what is already there changes nothing.
 */
export function checkMilestone(row: MilestoneRow, current: WarrantyRegisteredBy | null, draft: MilestoneDraft, removing: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const correcting = row.date !== null;
  if (correcting && draft.reason.trim().length === 0) errors.reason = removing ? '删除已记录的节点，请写明原因' : '修改已记录的日期，请写明原因';
  if (removing) return errors;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = '请选择日期';
  const warranty = row.milestone === 'warrantyRegistered';
  if (warranty && !draft.warrantyBy) errors.warrantyBy = '请选择保修由谁办理';
  const unchanged = draft.date === row.date && (!warranty || draft.warrantyBy === (current ?? undefined));
  if (correcting && unchanged) errors.date = '日期没有变化；要修改请选一个新日期';
  return errors;
}
