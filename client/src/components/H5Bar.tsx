import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { routes } from '@/lib/routes';

const HOME = routes.home().replace(/^\//, '');

/** The page's own title: its config's navigationBarTitleText, which Taro's H5 router also writes into document.title. */
function pageTitle(): string {
  const config = Taro.getCurrentInstance().page?.config as { navigationBarTitleText?: unknown } | undefined;
  if (typeof config?.navigationBarTitleText === 'string') return config.navigationBarTitleText;
  return typeof document === 'undefined' ? '' : document.title;
}

/**
 * In a browser there is no WeChat title bar: the H5 build shows its own, with the page's title and a way
 * back — to the previous page, or home when the page was opened directly (a link, a message, a reload).
 * Ids: `#h5-bar`, `#h5-bar-back`, `#h5-bar-title`.
 */
export function H5Bar() {
  const [title, setTitle] = useState(pageTitle);
  const path = (Taro.getCurrentInstance().router?.path ?? '').replace(/^\//, '').split('?')[0];
  const atHome = path === '' || path === HOME;
  const canGoBack = Taro.getCurrentPages().length > 1;

  useEffect(() => {
    const update = () => setTitle(pageTitle());
    update();
    const el = typeof document === 'undefined' ? null : document.querySelector('title');
    if (!el) return undefined;
    const watcher = new MutationObserver(update);
    watcher.observe(el, { childList: true });
    return () => watcher.disconnect();
  }, []);

  const back = () => {
    if (canGoBack) void Taro.navigateBack();
    else void Taro.reLaunch({ url: routes.home() });
  };

  return (
    <View className='h5-bar' id='h5-bar'>
      {atHome ? null : (
        <View className='h5-bar__back' id='h5-bar-back' hoverClass='btn--pressed' onClick={back}>
          <Text>{canGoBack ? '‹ 返回' : '‹ 首页'}</Text>
        </View>
      )}
      <Text className='h5-bar__title' id='h5-bar-title'>
        {title}
      </Text>
    </View>
  );
}
