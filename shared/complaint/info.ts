import { fail, ok, type Result } from '../core/result';
import type { Millis } from '../core/time';
import { OPEN_COMPLAINT_STATUSES, type Complaint } from './complaint';

/** More information from the homeowner on their own complaint: text, and photos when they have them. */
export interface AddedInfo {
  text: string;
  photos: string[];
}

/**
 * The complaint with the homeowner's added information in its history, at the level and department
 * handling it now (so the handler sees it in the history). Only while the complaint is open: a closed
 * one is a matter for a new complaint. Pure.
 */
export function withAddedInfo(c: Complaint, info: AddedInfo, now: Millis): Result<Complaint> {
  if (!OPEN_COMPLAINT_STATUSES.includes(c.status)) {
    return fail('COMPLAINT.CLOSED', '这条投诉已经处理结束，不能再补充；如果还有问题，请重新提交投诉');
  }
  const event = {
    type: 'info' as const,
    at: now,
    by: c.homeownerId,
    role: 'homeowner' as const,
    level: c.level,
    department: c.department,
    note: info.text,
    ...(info.photos.length ? { photos: info.photos } : {}),
  };
  return ok({ ...c, updatedAt: now, history: [...c.history, event] });
}
