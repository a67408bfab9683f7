import Taro from '@tarojs/taro';
import { asAnswer, unreachable, type Answer } from './answer';
import { httpRequest } from './http';

/**
 * Calls a cloud function. WeChat: `Taro.cloud.callFunction`, identity from the platform.
 * H5 (local host): POST /api/functions/<name> with the dev persona's openid in `x-openid`.
 * Never throws: a network failure is an answer too.
 */
export async function callFunction<T>(name: string, event: object): Promise<Answer<T>> {
  if (process.env.TARO_ENV === 'h5') {
    return httpRequest<T>('POST', `/api/functions/${encodeURIComponent(name)}`, JSON.stringify(event));
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data: event as Record<string, unknown> });
    return asAnswer<T>(res.result);
  } catch {
    return unreachable();
  }
}
