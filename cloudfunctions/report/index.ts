import { cloudMain } from '../_platform/cloud';
import { reportFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the report handler over the production adapters. */
export const main = cloudMain(reportFunction);
