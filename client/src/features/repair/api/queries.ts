import { callRepair, type RepairInput } from './callRepair';

export const fetchMyRepairs = () => callRepair('mine', {});
export const fetchRepair = (ticketId: string) => callRepair('get', { ticketId });
/** The site manager's open tickets (all), or a page of the closed ones; optionally of one status. */
export const fetchQueue = (view: RepairInput<'queue'> = {}) => callRepair('queue', view);
export const fetchOverdue = () => callRepair('overdue', {});
export const fetchTracked = () => callRepair('tracked', {});
export const fetchCategories = () => callRepair('categories', {});
/** The tickets a reference names that the caller may read, as `{ id }`s for the search box. */
export const findRepairByRef = async (ref: string) => {
  const reply = await callRepair('byRef', { ref });
  return reply.ok ? { ok: true as const, data: reply.data.tickets } : reply;
};
