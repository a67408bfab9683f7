import { cloudMain } from '../_platform/cloud';
import { meFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the me handler over the production adapters. */
export const main = cloudMain(meFunction);
