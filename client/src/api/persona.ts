/**
 * H5 local mode only: who the developer is pretending to be. The local host reads the openid from
 * the `x-openid` header; in WeChat the identity comes from the platform and this is never used.
 */
const KEY = 'huifang.openid';

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function currentOpenid(): string | null {
  const value = storage()?.getItem(KEY);
  return value ? value : null;
}

export function choosePersona(openid: string): void {
  storage()?.setItem(KEY, openid);
}
