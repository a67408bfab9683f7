import { timingSafeEqual } from 'node:crypto';

/**
 * The admin who signed a console test event: `consoleKey` in the event matched against the function's
 * environment variable ADMIN_CONSOLE_KEYS (`name=key;name2=key2`, keys of at least 24 characters, set
 * in the CloudBase console by whoever administers the environment). Only for calls without a WeChat
 * identity: a call from the mini-program always acts as its openid. Null when nothing matches.
 */
export function consoleSigner(event: unknown, keys: string | undefined): string | null {
  if (!keys || typeof event !== 'object' || event === null || !('consoleKey' in event)) return null;
  const given = event.consoleKey;
  if (typeof given !== 'string' || given.length < 24) return null;
  for (const entry of keys.split(';')) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at).trim();
    const key = entry.slice(at + 1).trim();
    if (at > 0 && name && key.length >= 24 && sameText(key, given)) return name;
  }
  return null;
}

export function withoutConsoleKey(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { consoleKey: _key, ...rest } = event as Record<string, unknown>;
  return rest;
}

/** Compares two secrets in time that does not depend on where they first differ. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
