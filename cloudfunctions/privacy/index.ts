import { cloudMain } from '../_platform/cloud';
import { privacyFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the privacy handler over the production adapters. */
export const main = cloudMain(privacyFunction);
