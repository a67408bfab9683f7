import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { Failure } from '@shared/core/result';
import type { Reply } from '@/api';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'failed'; failure: Failure };

/**
 * Loads what a page shows when it mounts, and again whenever the page is shown after being hidden
 * (so coming back after a change shows it), keeping what is on screen while it refreshes. Only the
 * latest request may update the page.
 */
export function useReply<T>(load: () => Promise<Reply<T>>) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    const reply = await loadRef.current();
    if (id !== latest.current) return;
    setState(reply.ok ? { status: 'ready', data: reply.data, refreshing: false } : { status: 'failed', failure: reply });
  }, []);

  /** Puts fresh data on screen (e.g. the ticket an action replied with) without another round trip. */
  const replace = useCallback((data: T) => {
    latest.current++;
    setState({ status: 'ready', data, refreshing: false });
  }, []);

  const hidden = useRef(false);
  useEffect(() => {
    void reload();
  }, [reload]);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void reload();
  });

  return { state, reload, replace };
}
