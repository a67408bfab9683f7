import { cloudMain } from '../_platform/cloud';
import { surveyFunction } from './handler';

/** The entry CloudBase calls (`index.main`): the survey handler over the production adapters. */
export const main = cloudMain(surveyFunction);
