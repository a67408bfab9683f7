import type { z } from 'zod/mini';
import type { ProjectInputs, ProjectReplies } from '@shared/project/api';
import { callFunction, type Reply } from '@/api';

export type SiteVisits = ProjectReplies['visits'];
export type SiteVisitView = SiteVisits['visits'][number];
export type RecordVisitInput = z.output<typeof ProjectInputs.recordVisit>;

/** A project's site photos and visits, newest first (staff of the project, its homeowner). */
export const fetchVisits = (projectId: string): Promise<Reply<SiteVisits>> => callFunction<SiteVisits>('project', { action: 'visits', projectId });

/** 现场拍照存档 or 上门回访, as checked by the form. */
export const sendVisit = (input: RecordVisitInput): Promise<Reply<ProjectReplies['recordVisit']>> =>
  callFunction<ProjectReplies['recordVisit']>('project', { ...input, action: 'recordVisit' });
