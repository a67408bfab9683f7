import { NoticeInputs, NOTICES_PER_PAGE, type NoticeView } from '@shared/notify/api';
import type { Notice } from '@shared/notify/notice';
import { NOTICE_PURPOSES } from '@shared/notify/push';
import { ok } from '@shared/core/result';
import { ROLES } from '@shared/core/roles';
import { action, defineFunction } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { subscriptionsFor } from '../_usecases/subscriptions';

const EVERYONE = ROLES;
const isNoticePurpose = (p: string) => (NOTICE_PURPOSES as readonly string[]).includes(p);

function toView(n: Notice): NoticeView {
  return { id: n._id, kind: n.kind, title: n.title, body: n.body, page: n.page, ref: n.ref, createdAt: n.createdAt, read: n.readAt !== null, pushed: n.push.state === 'sent' };
}

const unreadOf = (store: Stores, userId: string) => store.notices.count({ to: userId, readAt: null });

/** The caller's own notices, newest first, a page at a time, with the templates they may accept for WeChat messages. */
const list = action({
  input: NoticeInputs.list,
  roles: EVERYONE,
  async run({ store, user }, { offset }) {
    const [page, unread, ledger] = await Promise.all([
      // one more than a page: whether there is a next one
      store.notices.find({ to: user._id }, { orderBy: [['createdAt', 'desc']], skip: offset, limit: NOTICES_PER_PAGE + 1 }),
      unreadOf(store, user._id),
      store.contacts.get(user._id),
    ]);
    return ok({
      notices: page.slice(0, NOTICES_PER_PAGE).map(toView),
      unread,
      next: page.length > NOTICES_PER_PAGE ? offset + NOTICES_PER_PAGE : null,
      // here the templates of notices come first: the card asks for the first three
      subscriptions: (await subscriptionsFor(store, user, ledger)).sort((a, b) => Number(isNoticePurpose(b.purpose)) - Number(isNoticePurpose(a.purpose))),
    });
  },
});

/** Marks the caller's own notices read (the ids given, or all of them); someone else's ids change nothing. */
const markRead = action({
  input: NoticeInputs.markRead,
  roles: EVERYONE,
  async run({ store, user, now }, { ids, all }) {
    const where = all ? { to: user._id, readAt: null } : { to: user._id, readAt: null, _id: store.command.in(ids) };
    const marked = await store.notices.updateWhere(where, { readAt: now });
    return ok({ marked, unread: await unreadOf(store, user._id) });
  },
});

/** How many of the caller's notices are unread: the count on the 消息 entry of each home page. */
const unread = action({
  input: NoticeInputs.unread,
  roles: EVERYONE,
  async run({ store, user }) {
    return ok({ unread: await unreadOf(store, user._id) });
  },
});

export const noticesFunction = defineFunction('notices', { list, markRead, unread });
