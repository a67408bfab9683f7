import { cloudMain } from '../_platform/cloud';
import { adminFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the admin handler over the production adapters. */
export const main = cloudMain(adminFunction);
