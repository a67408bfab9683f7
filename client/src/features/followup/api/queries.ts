import type { ContactWindow } from '@shared/followup/contact';
import { callFollowUp } from './callFollowUp';

export const fetchFollowUpHome = () => callFollowUp('home', {});
export const fetchPhoneTasks = () => callFollowUp('calls', {});
export const fetchPhoneTask = (followUpId: string) => callFollowUp('call', { followUpId });
export const saveContactTime = (windows: ContactWindow[] | null) => callFollowUp('setContactTime', { windows });
export const lookupHomeowners = (query: string) => callFollowUp('lookup', { query });
export const fetchHomeowner = (homeownerId: string) => callFollowUp('homeowner', { homeownerId });
