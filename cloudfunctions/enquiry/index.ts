import { cloudMain } from '../_platform/cloud';
import { enquiryFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the service desk's register over the production adapters. */
export const main = cloudMain(enquiryFunction);
