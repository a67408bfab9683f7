import { callProject } from './callProject';

export const fetchMyProjects = () => callProject('mine', {});
export const fetchProjectDetail = (projectId: string) => callProject('detail', { projectId });
