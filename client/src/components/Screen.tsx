import { useEffect, useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { currentOpenid, syncClock } from '@/api';
import { PrivacyPopup } from '@/features/privacy';
import { routes } from '@/lib/routes';
import { H5Bar } from './H5Bar';
import { Loading } from './StateViews';

/** Where this page was opened, path and query, to come back to after choosing a persona. */
function currentUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return routes.home();
  const query = Object.entries(router.params)
    .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$'))
    .map(([k, v]) => `${k}=${encodeURIComponent(v ?? '')}`)
    .join('&');
  const path = router.path.split('?')[0];
  return query ? `${path}?${query}` : path;
}

/**
 * The frame of every page. In the H5 build (local host) nobody is signed in by WeChat, so a page
 * first makes sure a dev persona is chosen, and reads the host's clock (which can be moved). Every
 * page carries the privacy popup, which shows when a privacy-relevant use needs the person's agreement.
 */
export function Screen({ children, withBar }: { children: ReactNode; withBar?: boolean }) {
  const needsPersona = process.env.TARO_ENV === 'h5' && currentOpenid() === null;
  const [clockReady, setClockReady] = useState(process.env.TARO_ENV !== 'h5');

  useEffect(() => {
    if (needsPersona) {
      void Taro.redirectTo({ url: routes.devPersonas(currentUrl()) });
      return;
    }
    if (process.env.TARO_ENV === 'h5') void syncClock().then(() => setClockReady(true));
  }, [needsPersona]);

  return (
    <>
      {process.env.TARO_ENV === 'h5' ? <H5Bar /> : null}
      <View className={withBar ? 'screen screen--with-bar' : 'screen'}>
        {needsPersona || !clockReady ? <Loading /> : children}
        <PrivacyPopup />
      </View>
    </>
  );
}
