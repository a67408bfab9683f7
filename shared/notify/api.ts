/** The `notices` cloud function: everyone's own message list (消息). */
import * as z from 'zod/mini';
import type { SubscriptionState } from '../followup/api';
import type { Millis } from '../core/time';
import type { NoticeKind } from './notice';

const noticeId = z.string({ error: '缺少消息编号' }).check(z.minLength(1, { error: '缺少消息编号' }), z.maxLength(200, { error: '消息编号有误' }));

/** Notices per page of the list. */
export const NOTICES_PER_PAGE = 20;

export const NoticeInputs = {
  /** the caller's own notices, newest first; `offset` pages on (0, 20, 40, …) */
  list: z.object({ offset: z._default(z.number({ error: '页码有误' }).check(z.int(), z.minimum(0, { error: '页码有误' }), z.maximum(2000, { error: '页码有误' })), 0) }),
  /** marks the caller's own notices read: the ids given, or every one with `all` */
  markRead: z.object({ ids: z._default(z.array(noticeId).check(z.maxLength(50, { error: '一次最多标记 50 条' })), []), all: z._default(z.boolean(), false) }).check(
    z.refine((i) => i.all || i.ids.length > 0, { error: '请选择要标为已读的消息', path: ['ids'] }),
  ),
  /** how many of the caller's notices are unread, for the 消息 entry on home pages */
  unread: z.object({}),
} as const;

/** A notice as its recipient sees it. */
export interface NoticeView {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  /** the page tapping it opens */
  page: string;
  ref: string | null;
  createdAt: Millis;
  read: boolean;
  /** true when it also went out as a WeChat message */
  pushed: boolean;
}

export interface NoticeReplies {
  list: {
    notices: NoticeView[];
    unread: number;
    /** the offset of the next page, or null when this was the last */
    next: number | null;
    /** the templates the caller may accept for WeChat messages of their notices, with what is left of each */
    subscriptions: SubscriptionState[];
  };
  markRead: { marked: number; unread: number };
  unread: { unread: number };
}
