import type { MeReplies } from '@shared/me/api';
import { callFunction } from '@/api';

export type WhoAmI = MeReplies['whoami'];

/** Who the caller is, with their projects (homeowners) or sites (site managers). */
export const fetchWhoAmI = () => callFunction<WhoAmI>('me', { action: 'whoami' });
