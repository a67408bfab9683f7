import type { ProjectAnswers } from '@shared/project/api';
import { callFunction } from '@/api';

export type ProjectHit = ProjectAnswers['search']['projects'][number];

/** Staff find a caller's project by the homeowner's mobile number or the start of its name. */
export const searchProjects = (query: string) => callFunction<ProjectAnswers['search']>('project', { action: 'search', query });
