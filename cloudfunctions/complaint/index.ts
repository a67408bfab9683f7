import { cloudMain } from '../_platform/cloud';
import { complaintFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the complaint handler over the production adapters. */
export const main = cloudMain(complaintFunction);
