/** The service desk feature (咨询与建议) as pages see it; everything else in this folder is its own. */
export { fetchEnquiry, fetchEnquiryQueue, fetchMyEnquiries } from './api/queries';
export { EnquiryCard } from './components/EnquiryCard';
export { EnquiryForm } from './components/EnquiryForm';
export { EnquiryThanks } from './components/EnquiryThanks';
export { PhoneEnquiryForm } from './components/PhoneEnquiryForm';
export { ReplyForm } from './components/ReplyForm';
