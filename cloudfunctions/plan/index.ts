import { cloudTimer } from '../_platform/cloud';
import { planTimer } from './handler';

/** The entry CloudBase's timer trigger calls every 10 minutes: plan the follow-ups of the projects that are due. */
export const main = cloudTimer(planTimer);
