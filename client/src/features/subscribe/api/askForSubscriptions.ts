import Taro from '@tarojs/taro';
import { openStandIn } from './standIn';

/** WeChat takes at most three templates per request. */
export const MAX_TEMPLATES_PER_ASK = 3;

/** template id → 'accept' | 'reject' | 'ban' | 'filter', as `wx.requestSubscribeMessage` answers. */
export type SubscribeResults = Record<string, string>;

/**
 * Asks the homeowner to accept subscription messages (one tap for up to three templates).
 * WeChat: `Taro.requestSubscribeMessage`, which WeChat allows only from a tap, so call this straight
 * from a tap handler, before anything is awaited. H5: our stand-in dialog. Never throws; resolves to
 * only the templates WeChat reported on (nothing when the request failed or was not shown).
 */
export function askForSubscriptions(templateIds: string[], titles: Record<string, string> = {}): Promise<SubscribeResults> {
  const ids = Array.from(new Set(templateIds.filter(Boolean))).slice(0, MAX_TEMPLATES_PER_ASK);
  if (ids.length === 0) return Promise.resolve({});
  if (process.env.TARO_ENV === 'h5') return openStandIn(ids, titles);
  return Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option).then(
    (res) => {
      const answered = res as unknown as Record<string, unknown>;
      const results: SubscribeResults = {};
      for (const id of ids) if (typeof answered[id] === 'string') results[id] = answered[id] as string;
      return results;
    },
    () => ({}),
  );
}
