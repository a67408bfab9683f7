/** Site photos and on-site visits (DOMAIN §11) as pages see them; everything else in this folder is its own. */
export { fetchVisits, type SiteVisits } from './api/callVisits';
export { RecordVisitForm } from './components/RecordVisitForm';
export { SiteArchive } from './components/SiteArchive';
export { VisitList } from './components/VisitList';
export { VisitsCard } from './components/VisitsCard';
