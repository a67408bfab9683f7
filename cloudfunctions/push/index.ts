import { cloudTimer } from '../_platform/cloud';
import { pushTimer } from './handler';

/** The entry CloudBase's timer trigger calls every 5 minutes: push the notices that are due as subscription messages. */
export const main = cloudTimer(pushTimer);
