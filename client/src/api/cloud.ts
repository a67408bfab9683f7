import Taro from '@tarojs/taro';

let started = false;

/** WeChat only: connects the app to its CloudBase environment, once. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || started) return;
  if (!Taro.cloud) return; // base library too old for cloud; calls will reply "unreachable"
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
  started = true;
}
