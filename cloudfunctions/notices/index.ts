import { cloudMain } from '../_platform/cloud';
import { noticesFunction } from './handler';

/** The entry CloudBase calls (`index.main`): everyone's message list (消息) over the production adapters. */
export const main = cloudMain(noticesFunction);
