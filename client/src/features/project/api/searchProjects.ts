import type { ProjectReplies } from '@shared/project/api';
import { callFunction } from '@/api';

export type ProjectHit = ProjectReplies['search']['projects'][number];

/** Staff find a caller's project by the homeowner's mobile number or the start of its name. */
export const searchProjects = (query: string) => callFunction<ProjectReplies['search']>('project', { action: 'search', query });
