/** Customer service's follow-up of prospects (意向客户), as pages see it. */
export { fetchProspectQueue } from './api/callProspect';
export { NewProspectForm } from './components/NewProspectForm';
export { ProspectCard } from './components/ProspectCard';
