/** The repair feature as pages see it; everything else in this folder is its own. */
export { fetchCategories, fetchMyRepairs, fetchOverdue, fetchQueue, fetchRepair, fetchTracked, findRepairByRef } from './api/queries';
export { useTicketCommand } from './api/useTicketCommand';
export { NewRepairForm } from './components/NewRepairForm';
export { TicketCard } from './components/TicketCard';
export { TicketDetail } from './components/TicketDetail';
export { ManagerActions } from './components/ManagerActions';
