import type { ComplaintAnswers } from '@shared/complaint/api';
import { callComplaint } from './callComplaint';

export type ComplaintCategories = ComplaintAnswers['categories'];

export const fetchMyComplaints = () => callComplaint('mine', {});
export const fetchComplaint = (complaintId: string) => callComplaint('get', { complaintId });
export const fetchComplaintQueue = () => callComplaint('queue', {});
export const fetchComplaintCategories = () => callComplaint('categories', {});
