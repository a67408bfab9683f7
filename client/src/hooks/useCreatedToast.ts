import { useEffect, useRef } from 'react';
import { useRouter } from '@tarojs/taro';
import { toastDone } from '@/lib/feedback';

/**
 * Confirms a filing on the page it redirected to (`created=1` in the query), once that page has its
 * data. Taro H5 hides toasts on every route change, so the form cannot show it before redirecting.
 */
export function useCreatedToast(title: string, ready: boolean): void {
  const created = useRouter().params.created === '1';
  const shown = useRef(false);
  useEffect(() => {
    if (!created || !ready || shown.current) return;
    shown.current = true;
    toastDone(title);
  }, [created, ready, title]);
}
