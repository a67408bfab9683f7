/**
 * Staff lists (the repair queue, the complaint queue, 指派给我) in two views: what is open, the most
 * urgent first, whole; and what is closed (历史), newest first, a page at a time. Either view can be
 * narrowed to one of its statuses.
 */

/** Closed records shown per page of the history view. */
export const LIST_PAGE_SIZE = 20;
/** Pages a history view goes back (20 × 100 = the last 2,000 closed records). */
export const MAX_LIST_PAGE = 100;

/** Which statuses a list reads: the one asked for, or all of the view's. */
export function statusesOf<S extends string>(view: { closed: boolean; status?: S }, open: readonly S[], closed: readonly S[]): S[] {
  if (view.status) return [view.status];
  return [...(view.closed ? closed : open)];
}

/** The message for a status asked of the wrong view (an open status in 历史, or the other way round). */
export function wrongViewMessage(closed: boolean): string {
  return closed ? '已关闭的列表里没有这个状态，请在“待处理”里筛选' : '待处理的列表里没有这个状态，请在“已关闭”里筛选';
}
