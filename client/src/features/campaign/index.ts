/** Marketing campaigns as staff pages see them: the admin's read-only list. */
export { fetchCampaigns } from './api/campaigns';
export { audienceText, CampaignCard } from './components/CampaignCard';
