import type { ComplaintReplies } from '@shared/complaint/api';
import { callComplaint, type ComplaintInput } from './callComplaint';

export type ComplaintCategories = ComplaintReplies['categories'];

export const fetchMyComplaints = () => callComplaint('mine', {});
export const fetchComplaint = (complaintId: string) => callComplaint('get', { complaintId });
/** The open complaints of the caller's scope (all), or a page of the closed ones; optionally of one status. */
export const fetchComplaintQueue = (view: ComplaintInput<'queue'> = {}) => callComplaint('queue', view);
export const fetchComplaintCategories = () => callComplaint('categories', {});
export const fetchAssignedComplaints = (view: ComplaintInput<'assigned'> = {}) => callComplaint('assigned', view);
/** The complaints a reference names that the caller may read, as `{ id }`s for the search box. */
export const findComplaintByRef = async (ref: string) => {
  const reply = await callComplaint('byRef', { ref });
  return reply.ok ? { ok: true as const, data: reply.data.complaints } : reply;
};
