import type { CampaignReplies } from '@shared/campaign/api';
import { callFunction } from '@/api';

/** The admin's campaigns, newest first, with their counts (read-only here; campaigns are defined from the console). */
export const fetchCampaigns = () => callFunction<CampaignReplies['list']>('campaign', { action: 'list' });

/** Another admin's campaign approved: its text goes out at its time (004 4.5). */
export const approveCampaign = (campaignId: string) => callFunction<CampaignReplies['approve']>('campaign', { action: 'approve', campaignId });
