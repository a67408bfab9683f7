import type { NoticeReplies } from '@shared/notify/api';
import { callFunction } from '@/api';

/** One page of the caller's own notices, newest first, with the templates they may accept. */
export const fetchNotices = (offset = 0) => callFunction<NoticeReplies['list']>('notices', { action: 'list', offset });

/** How many notices are unread, for the 消息 entry. */
export const fetchUnread = () => callFunction<NoticeReplies['unread']>('notices', { action: 'unread' });

/** Marks the given notices read (or all of them). */
export const markRead = (input: { ids: string[] } | { all: true }) => callFunction<NoticeReplies['markRead']>('notices', { action: 'markRead', ...input });
