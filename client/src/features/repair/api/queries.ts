import { callRepair } from './callRepair';

export const fetchMyRepairs = () => callRepair('mine', {});
export const fetchRepair = (ticketId: string) => callRepair('get', { ticketId });
export const fetchQueue = () => callRepair('queue', {});
export const fetchOverdue = () => callRepair('overdue', {});
export const fetchTracked = () => callRepair('tracked', {});
export const fetchCategories = () => callRepair('categories', {});
