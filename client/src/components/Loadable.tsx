import type { ReactNode } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { Reply } from '@/api';
import { useReply } from '@/hooks/useReply';
import { Failed, Loading } from './StateViews';

interface Props<T> {
  load: () => Promise<Reply<T>>;
  children: (data: T) => ReactNode;
}

/** What a page loads (again on pull-down and on coming back): a spinner, the failure with a retry, or the data. */
export function Loadable<T>({ load, children }: Props<T>) {
  const { state, reload } = useReply(load);
  usePullDownRefresh(() => void reload().then(() => Taro.stopPullDownRefresh()));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <>{children(state.data)}</>;
}
