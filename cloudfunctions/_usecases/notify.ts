import type { Millis } from '@shared/core/time';
import type { Notice, NoticeDraft } from '@shared/notify/notice';
import type { Stores } from '../_platform/stores';

/**
 * Tells someone about an event: the notice lands in their message list (消息) at once. Calling it
 * again with the same key (a retry, a second timer run) changes nothing.
 */
export async function notify(store: Stores, draft: NoticeDraft, now: Millis): Promise<Notice> {
  const { key, ref, ...rest } = draft;
  const notice: Notice = { ...rest, _id: key, ref: ref ?? null, createdAt: now, readAt: null };
  return store.transaction(async (tx) => {
    const notices = store.notices.within(tx);
    const earlier = await notices.get(key);
    if (earlier) return earlier;
    await notices.put(notice);
    return notice;
  });
}
