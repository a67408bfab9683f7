import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './api/cloud';
import { listenForWeChatPrivacy } from './features/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
    listenForWeChatPrivacy();
  });
  return children;
}

export default App;
