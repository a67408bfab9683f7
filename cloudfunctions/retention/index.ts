import { cloudTimer } from '../_platform/cloud';
import { retentionTimer } from './handler';

/** The entry CloudBase's timer trigger calls every night at 03:00: deletions that came due, and data past retention. */
export const main = cloudTimer(retentionTimer);
