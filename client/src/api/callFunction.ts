import Taro from '@tarojs/taro';
import { asReply, unreachable, type Reply } from './reply';
import { httpRequest } from './http';

/**
 * Calls a cloud function. WeChat: `Taro.cloud.callFunction`, identity from the platform.
 * H5 (local host): POST /api/functions/<name> with the dev persona's openid in `x-openid`.
 * Never throws: a network failure is a reply too.
 */
export async function callFunction<T>(name: string, event: object): Promise<Reply<T>> {
  if (process.env.TARO_ENV === 'h5') {
    return httpRequest<T>('POST', `/api/functions/${encodeURIComponent(name)}`, JSON.stringify(event));
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data: event as Record<string, unknown> });
    return asReply<T>(res.result);
  } catch {
    return unreachable();
  }
}
