/** The project feature as pages and other features see it; everything else in this folder is its own. */
export { fetchMyProjects, fetchProjectDetail } from './api/queries';
export { searchProjects, type ProjectHit } from './api/searchProjects';
export { useRecordMilestone, type PlanChange } from './api/useRecordMilestone';
export { MilestoneCard } from './components/MilestoneCard';
export { MilestoneHistory } from './components/MilestoneHistory';
export { ProjectFollowUps } from './components/ProjectFollowUps';
export { ProjectListItem } from './components/ProjectListItem';
export { ProjectOverview } from './components/ProjectOverview';
