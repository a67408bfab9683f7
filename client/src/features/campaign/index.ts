/** Marketing campaigns as staff pages see them: the admin's list, where another admin's proposed campaign is approved. */
export { approveCampaign, fetchCampaigns } from './api/campaigns';
export { audienceText, CampaignCard } from './components/CampaignCard';
