import { callEnquiry, type EnquiryInput } from './callEnquiry';

export const fetchMyEnquiries = () => callEnquiry('mine', {});
export const fetchEnquiry = (enquiryId: string) => callEnquiry('get', { enquiryId });
/** The desk's open requests (all, late first), or a page of the answered ones. */
export const fetchEnquiryQueue = (view: EnquiryInput<'queue'> = {}) => callEnquiry('queue', view);
