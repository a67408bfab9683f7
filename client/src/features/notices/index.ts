/** The 消息 list as pages see it: the entry with its unread count, and the list itself. */
export { fetchNotices } from './api/notices';
export { NoticeList } from './components/NoticeList';
export { NoticesEntry } from './components/NoticesEntry';
