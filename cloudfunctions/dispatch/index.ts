import { cloudTimer } from '../_platform/cloud';
import { dispatchTimer } from './handler';

/** The entry CloudBase's timer trigger calls every 5 minutes: send the follow-ups that are due, or hand them to customer service. */
export const main = cloudTimer(dispatchTimer);
