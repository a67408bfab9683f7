import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import type { Reply } from '@/api';
import { ActionButton } from './ActionButton';
import { FailureBanner } from './FailureBanner';

interface Props<T> {
  /** the first page, as loaded */
  first: T[];
  more: boolean;
  /** page n (from 0) of the same list */
  load: (page: number) => Promise<Reply<{ items: T[]; more: boolean }>>;
  children: (items: T[]) => ReactNode;
  id: string;
}

/** A list read a page at a time: what has been loaded, and 加载更多 while the server says there is more. */
export function MorePages<T>({ first, more, load, children, id }: Props<T>) {
  const [items, setItems] = useState(first);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(more);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const next = async () => {
    setBusy(true);
    setFailure(null);
    const reply = await load(page + 1);
    setBusy(false);
    if (!reply.ok) return setFailure(reply);
    setItems((shown) => [...shown, ...reply.data.items]);
    setPage(page + 1);
    setHasMore(reply.data.more);
  };
  return (
    <>
      {children(items)}
      <FailureBanner failure={failure} id={`${id}-error`} />
      {hasMore ? (
        <View className='more-pages'>
          <ActionButton kind='ghost' block busy={busy} onClick={() => void next()} id={`${id}-more`}>
            加载更多
          </ActionButton>
        </View>
      ) : items.length > 0 ? (
        <View className='more-pages muted' id={`${id}-end`}>
          已经到底了
        </View>
      ) : null}
    </>
  );
}
