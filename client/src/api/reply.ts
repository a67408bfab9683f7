import type { Failure, Result } from '@shared/core/result';

/** What every call to the server replies: `{ ok: true, data }` or a failure a person can read. */
export type Reply<T> = Result<T>;

export const unreachable = (): Failure => ({
  ok: false,
  code: 'NETWORK.UNREACHABLE',
  message: '网络不太好，请稍后重试',
});

export const badReply = (): Failure => ({
  ok: false,
  code: 'SYSTEM.BAD_REPLY',
  // no number here: the service cannot be asked for the hotline when it is down (the home page shows it)
  message: '服务暂时不可用，请稍后再试；如仍有问题，请拨打首页上的服务热线',
});

/** Checks that a body from the server has the reply shape before the app trusts it. */
export function asReply<T>(body: unknown): Reply<T> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return badReply();
  const b = body as { ok: unknown; code?: unknown; message?: unknown };
  if (b.ok === true) return body as Reply<T>;
  if (b.ok === false && typeof b.code === 'string' && typeof b.message === 'string') return body as Failure;
  return badReply();
}
