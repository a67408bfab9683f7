import { cloudTimer } from '../_platform/cloud';
import { escalateTimer } from './handler';

/** The entry CloudBase's timer trigger calls every 5 minutes: escalate what is overdue. */
export const main = cloudTimer(escalateTimer);
