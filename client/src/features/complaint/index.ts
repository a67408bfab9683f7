/** The complaint feature as pages and other features see it; everything else in this folder is its own. */
export {
  fetchAssignedComplaints,
  fetchComplaint,
  fetchComplaintCategories,
  fetchComplaintQueue,
  fetchMyComplaints,
  findComplaintByRef,
  type ComplaintCategories,
} from './api/queries';
export { useComplaintCommand } from './api/useComplaintCommand';
export { ComplaintCard } from './components/ComplaintCard';
export { ComplaintDetail } from './components/ComplaintDetail';
export { HomeownerDecision } from './components/HomeownerDecision';
export { NewComplaintForm } from './components/NewComplaintForm';
export { PhoneComplaintForm } from './components/PhoneComplaintForm';
export { StaffComplaintActions } from './components/StaffComplaintActions';
export { ProjectSearch } from './components/ProjectSearch';
