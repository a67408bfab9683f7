import { cloudMain } from '../_platform/cloud';
import { repairFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the repair handler over the production adapters. */
export const main = cloudMain(repairFunction);
