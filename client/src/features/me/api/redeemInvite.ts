import type { MeReplies } from '@shared/me/api';
import { callFunction } from '@/api';

/** Binds the caller's WeChat to their project with the invite code the company gave them. */
export const redeemInvite = (code: string) => callFunction<MeReplies['redeemInvite']>('me', { action: 'redeemInvite', code });
