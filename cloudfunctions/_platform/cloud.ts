/**
 * The production adapters: what a function's `exports.main` runs on in CloudBase.
 *
 * Everything is created once per warm container and lazily, on the first invocation, so that
 * requiring a bundle (a test, a cold start) needs no CloudBase environment.
 *
 * - db: `@cloudbase/node-sdk`'s `app.database()`, used as it is (no wrapper).
 * - caller: the openid from the trusted WeChat context of the invocation, never from the event.
 * - files: CloudBase storage (cloud-files.ts). messenger: subscribe messages (cloud-messenger.ts). sms: Tencent Cloud SMS (cloud-sms.ts).
 */
import * as tcb from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import { CommonErrors } from '@shared/core/errors';
import { cloudFileStorage } from './cloud-files';
import { consoleSigner, withoutConsoleKey } from './console';
import { wxMessenger } from './cloud-messenger';
import { tencentSms } from './cloud-sms';
import type { Database } from './database';
import type { FunctionHandler } from './define';
import type { Caller, Deps, Logger } from './ports';

/** The CloudBase app of the environment the function runs in. */
type CloudApp = ReturnType<typeof tcb.init>;

/** What CloudBase passes as the second argument of `exports.main`. */
export type CloudContext = unknown;
export type CloudMain = (event: unknown, context: CloudContext) => Promise<unknown>;

const NOT_REGISTERED = CommonErrors.notRegistered().code;

let app: CloudApp | null = null;
let deps: Deps | null = null;

function cloudApp(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/** One JSON object per line, as CloudBase's function logs show them. */
export function jsonLogger(): Logger {
  const write = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ level, message, ...fields, at: new Date().toISOString() });
    if (level === 'error') console.error(line);
    else console.log(line);
  };
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) };
}

/** The outside world in CloudBase, created on first use and kept for the life of the container. */
export function cloudDeps(): Deps {
  if (deps) return deps;
  const log = jsonLogger();
  const cloud = cloudApp();
  deps = {
    // The SDK's Db is the document database our Database interface types (the subset we use); its
    // own typings are looser (`any` results), so the one cast between the two lives here.
    db: cloud.database() as unknown as Database,
    clock: { now: () => Date.now() },
    files: cloudFileStorage(cloud, log),
    messenger: wxMessenger(log),
    sms: tencentSms(log),
    log,
  };
  return deps;
}

/**
 * Who is calling: `WX_OPENID` of the invocation's WeChat context (`tcb.getCloudbaseContext`; node-sdk
 * 3.x has no getWXContext). Null when there is none: a timer trigger, a console test, an HTTP call.
 */
export function callerFromContext(context: CloudContext): Caller {
  if (typeof context !== 'object' || context === null) return { openid: null };
  try {
    // the SDK parses the context itself (its `environment` JSON); our side only checks it is an object
    const { WX_OPENID } = tcb.getCloudbaseContext(context as IContextParam);
    return { openid: typeof WX_OPENID === 'string' && WX_OPENID !== '' ? WX_OPENID : null };
  } catch {
    return { openid: null };
  }
}

/**
 * The `exports.main` of a function: `export const main = cloudMain(repairFunction)`. A caller who is not
 * in `users` yet is logged with their openid: that is how an admin finds the id to register them under.
 */
export function cloudMain(make: (deps: Deps) => FunctionHandler): CloudMain {
  let handler: FunctionHandler | null = null;
  return async (event, context) => {
    const world = cloudDeps();
    handler ??= make(world);
    const fromWeChat = callerFromContext(context);
    const signed = fromWeChat.openid ? null : consoleSigner(event, process.env.ADMIN_CONSOLE_KEYS);
    const caller = signed ? { openid: null, console: signed } : fromWeChat;
    const reply = await handler(signed ? withoutConsoleKey(event) : event, caller);
    if (!reply.ok && reply.code === NOT_REGISTERED) world.log.info('caller not registered', { openid: caller.openid });
    return reply;
  };
}

/**
 * The `exports.main` of a timer-triggered function: `export const main = cloudTimer(escalateTimer)`.
 * A timer trigger carries no caller; the event is ignored, so a client calling the function by name
 * only makes it run one more sweep, which is safe by design. With `calls`, an event that names an
 * `action` goes to those actions instead, as a callable function's would (the `dispatch` function's
 * deploy check, which must run in the function that holds the permission to send).
 */
export function cloudTimer<T>(make: (deps: Deps) => () => Promise<T>, calls?: (deps: Deps) => FunctionHandler): CloudMain {
  let run: (() => Promise<T>) | null = null;
  const callable = calls ? cloudMain(calls) : null;
  return async (event, context) => {
    if (callable && typeof event === 'object' && event !== null && typeof (event as { action?: unknown }).action === 'string') {
      return callable(event, context);
    }
    run ??= make(cloudDeps());
    return run();
  };
}

