import { cloudMain } from '../_platform/cloud';
import { followUpFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the followup handler over the production adapters. */
export const main = cloudMain(followUpFunction);
