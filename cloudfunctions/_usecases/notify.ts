import type { Department, User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Notice, NoticeDraft } from '@shared/notify/notice';
import { pushTime } from '@shared/notify/push';
import type { Deps } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { pushNotice } from './push';
import { loadNotifySettings } from './settings';

/** What pushing at once needs; without it the push timer sends the push on its next run (every 5 minutes). */
export type PushDeps = Pick<Deps, 'messenger' | 'log'>;

/**
 * Tells someone about an event: the notice lands in their message list (消息) at once, and goes out as
 * a subscription message when they hold a credit for its template — at once inside the push window
 * (08:00–21:00 China time by default) when `deps` is given, otherwise from the push timer, and at the
 * window's next opening when the event happens at night. Calling it again with the same key (a retry,
 * a second timer run) changes nothing and pushes nothing.
 */
export async function notify(store: Stores, draft: NoticeDraft, now: Millis, deps?: PushDeps): Promise<Notice> {
  const { key, ref, ...rest } = draft;
  const settings = await loadNotifySettings(store);
  const dueAt = pushTime(now, settings.pushWindow);
  const notice: Notice = {
    ...rest,
    _id: key,
    ref: ref ?? null,
    createdAt: now,
    readAt: null,
    push: { state: 'pending', dueAt, templateId: null, miss: null, errcode: null, settledAt: null },
    pushAt: dueAt,
  };
  const stored = await store.transaction(async (tx) => {
    const notices = store.notices.within(tx);
    const earlier = await notices.get(key);
    if (earlier) return { notice: earlier, fresh: false };
    await notices.put(notice);
    return { notice, fresh: true };
  });
  if (stored.fresh && deps && dueAt <= now) {
    try {
      await pushNotice(deps, store, stored.notice, settings, now);
    } catch (error) {
      // the notice is stored; the push timer finds its push still due
      deps.log.error('notice push failed; the push timer will try again', { noticeId: key, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return stored.notice;
}

/** Tells several people the same event, each under their own key (`<key>:<userId>`). */
export async function notifyEach(
  store: Stores,
  to: readonly string[],
  draft: Omit<NoticeDraft, 'to'>,
  now: Millis,
  deps?: PushDeps,
): Promise<void> {
  for (const userId of new Set(to)) await notify(store, { ...draft, key: `${draft.key}:${userId}`, to: userId }, now, deps);
}

/** The department managers of a department: who an escalation, a routed complaint or a 催单 reaches. */
export async function departmentManagers(store: Stores, department: Department): Promise<User[]> {
  return store.users.find({ roles: 'deptManager', department }, { limit: 20 });
}

/**
 * Who answers a complaint routed to a department: its managers, and for 客服部 also its
 * customer-service agents, who answer at that level too.
 */
export async function departmentHandlers(store: Stores, department: Department): Promise<User[]> {
  const managers = await departmentManagers(store, department);
  if (department !== 'customerService') return managers;
  return [...managers, ...(await store.users.find({ roles: 'customerService', department }, { limit: 50 }))];
}
