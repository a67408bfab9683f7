import { cloudTimer } from '../_platform/cloud';
import { reporterTimer } from './handler';

/** The entry CloudBase's timer trigger calls every 30 minutes: build the weekly and monthly reports when they are due. */
export const main = cloudTimer(reporterTimer);
