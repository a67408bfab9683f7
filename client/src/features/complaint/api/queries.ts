import type { ComplaintReplies } from '@shared/complaint/api';
import { callComplaint } from './callComplaint';

export type ComplaintCategories = ComplaintReplies['categories'];

export const fetchMyComplaints = () => callComplaint('mine', {});
export const fetchComplaint = (complaintId: string) => callComplaint('get', { complaintId });
export const fetchComplaintQueue = () => callComplaint('queue', {});
export const fetchComplaintCategories = () => callComplaint('categories', {});
export const fetchAssignedComplaints = () => callComplaint('assigned', {});
/** The complaints a reference names that the caller may read, as `{ id }`s for the search box. */
export const findComplaintByRef = async (ref: string) => {
  const reply = await callComplaint('byRef', { ref });
  return reply.ok ? { ok: true as const, data: reply.data.complaints } : reply;
};
