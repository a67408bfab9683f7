/**
 * Messenger over WeChat's subscribeMessage.send, as a CloudBase "cloud call" (云调用).
 *
 * Why wx-server-sdk: WeChat documents cloud calls only through `wx-server-sdk`'s
 * `cloud.openapi.<category>.<method>`, which needs no access_token and is allowed by the
 * `permissions.openapi` list of the function's config.json. `@cloudbase/node-sdk` 3.x has no typed
 * equivalent: wx-server-sdk itself sends the call through node-sdk's `callCompatibleWxOpenApi` in a
 * private protobuf envelope, which we will not re-implement. So wx-server-sdk is loaded here, on the
 * first send only, and the build lists it in package.json only for functions whose config.json
 * declares openapi permissions. A function without it never sends, so never loads it.
 *
 * Idempotency is the caller's (it records each send); the key is logged with every outcome.
 */
import type { Logger, Messenger, SendOutcome, SubscribeMessage } from './ports';

/** The part of wx-server-sdk this adapter uses (wx-server-sdk types `openapi` as `Record<string, any>`). */
export interface WxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: {
    subscribeMessage: {
      send(data: {
        touser: string;
        templateId: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogramState: 'developer' | 'trial' | 'formal';
        lang: 'zh_CN';
      }): Promise<{ errCode?: number; errMsg?: string }>;
    };
  };
}

/** What WeChat's errcodes mean for us, for the logs (the caller gets the code itself). */
const KNOWN_ERRORS: Record<number, string> = {
  43101: 'not subscribed (or refused)',
  47003: 'bad template data (errmsg names the field)',
  40003: 'bad openid',
  41030: 'bad page',
  40037: 'bad template id',
};

function loadWxCloud(): WxCloud {
  // A runtime dependency of only the functions that send (see above), hence `require`, not `import`:
  // the bundle keeps it external and calls it on the first send.
  let cloud: WxCloud;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as WxCloud;
  } catch {
    throw new Error(
      'wx-server-sdk is not installed for this function: list "subscribeMessage.send" under permissions.openapi ' +
        'in its config.json, run `npm run build:functions` and upload with cloud dependency installation',
    );
  }
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return cloud;
}

/** `MINIPROGRAM_STATE` (function environment variable) lets a developer or trial version receive messages. */
function miniprogramState(): 'developer' | 'trial' | 'formal' {
  const v = process.env.MINIPROGRAM_STATE;
  return v === 'developer' || v === 'trial' ? v : 'formal';
}

/**
 * WeChat's answer about this message (a positive errcode) comes back as `{ sent: false }`; anything
 * else (no wx-server-sdk, no permission, CloudBase or network failure) is thrown, so that the caller
 * records no verdict and a later run tries again.
 */
export function wxMessenger(log: Logger, load: () => WxCloud = loadWxCloud): Messenger {
  let cloud: WxCloud | null = null;
  return {
    async send(message: SubscribeMessage, idempotencyKey: string): Promise<SendOutcome> {
      cloud ??= load();
      const fields = { idempotencyKey, templateId: message.templateId, page: message.page };
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: miniprogramState(),
          lang: 'zh_CN',
        });
        log.info('subscribe message sent', fields);
        return { sent: true };
      } catch (error) {
        const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
        if (typeof errCode === 'number' && errCode > 0) {
          const errmsg = typeof errMsg === 'string' ? errMsg : String(error);
          log.info('subscribe message refused', { ...fields, errcode: errCode, errmsg, meaning: KNOWN_ERRORS[errCode] ?? 'other' });
          return { sent: false, errcode: errCode, errmsg };
        }
        log.error('subscribe message failed', {
          ...fields,
          errcode: errCode,
          error: typeof errMsg === 'string' ? errMsg : error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
    },
  };
}
