import type { ComplaintReplies } from '@shared/complaint/api';
import { callComplaint } from './callComplaint';

export type ComplaintCategories = ComplaintReplies['categories'];

export const fetchMyComplaints = () => callComplaint('mine', {});
export const fetchComplaint = (complaintId: string) => callComplaint('get', { complaintId });
export const fetchComplaintQueue = () => callComplaint('queue', {});
export const fetchComplaintCategories = () => callComplaint('categories', {});
