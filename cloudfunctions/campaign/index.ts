import { cloudTimer } from '../_platform/cloud';
import { campaignFunction } from './handler';
import { campaignTimer } from './timer';

/**
 * The entry CloudBase calls. Its timer trigger (every 5 minutes) gathers the audiences of campaigns
 * whose time came and sends what is due; an event naming an `action` (an admin's define, list,
 * cancel; customer service's calls, openCall) goes to the actions.
 */
export const main = cloudTimer(campaignTimer, campaignFunction);
