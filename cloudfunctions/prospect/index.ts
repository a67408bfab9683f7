import { cloudMain } from '../_platform/cloud';
import { prospectFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the prospect handler over the production adapters. */
export const main = cloudMain(prospectFunction);
