import { cloudMain } from '../_runtime/cloud';
import { complaintFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the complaint handler over the production adapters. */
export const main = cloudMain(complaintFunction);
