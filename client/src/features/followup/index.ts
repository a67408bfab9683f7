/** The follow-up feature as pages and other features see it; everything else in this folder is its own. */
export { fetchFollowUpHome, fetchHomeowner, fetchPhoneTask, fetchPhoneTasks, lookupHomeowners } from './api/queries';
export { useLogCall } from './api/useLogCall';
export { CallHistory } from './components/CallHistory';
export { CallOutcomes } from './components/CallOutcomes';
export { CallOverview } from './components/CallOverview';
export { CallResult } from './components/CallResult';
export { CallScript } from './components/CallScript';
export { ContactTimeCard } from './components/ContactTimeCard';
export { HomeownerHistory } from './components/HomeownerHistory';
export { HomeProjectFollowUp } from './components/HomeProjectFollowUp';
export { PhoneTaskCard } from './components/PhoneTaskCard';
