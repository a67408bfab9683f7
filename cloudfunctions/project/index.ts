import { cloudMain } from '../_platform/cloud';
import { projectFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the project handler over the production adapters. */
export const main = cloudMain(projectFunction);
