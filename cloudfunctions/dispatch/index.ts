import { cloudTimer } from '../_platform/cloud';
import { dispatchTimer } from './handler';
import { dispatchFunction } from './probe';

/**
 * The entry CloudBase's timer trigger calls every 5 minutes: send the follow-ups that are due, or hand
 * them to customer service. An admin's `{ action: 'sendTestMessage' }` is the deploy check (probe.ts).
 */
export const main = cloudTimer(dispatchTimer, dispatchFunction);
