import Taro from '@tarojs/taro';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';

/**
 * The privacy authorisation before the first privacy-relevant use (choosing photos). In WeChat the
 * platform asks through `onNeedPrivacyAuthorization` and waits for our popup's
 * `agreePrivacyAuthorization` button; in the H5 build nothing asks, so `ensurePrivacyAgreed` shows the
 * same popup itself, once per notice version. One request is open at a time; the popup subscribes.
 */
const AGREED_KEY = 'huifang.privacyAgreed';

/** H5 only: the notice version agreed to in this browser. */
function agreedVersion(): string | null {
  try {
    return window.localStorage.getItem(AGREED_KEY);
  } catch {
    return null;
  }
}

function rememberAgreed(): void {
  try {
    window.localStorage.setItem(AGREED_KEY, PRIVACY_NOTICE_VERSION);
  } catch {
    // private mode: asked again next time
  }
}

export type PrivacyAnswer = (agreed: boolean) => void;
type Listener = (pending: boolean) => void;

let answer: PrivacyAnswer | null = null;
const listeners = new Set<Listener>();

function show(next: PrivacyAnswer) {
  answer = next;
  listeners.forEach((l) => l(true));
}

/** The popup's subscription: told when a request opens (true) or closes (false). */
export function onPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener);
  if (answer) listener(true);
  return () => listeners.delete(listener);
}

/** The person's answer to the open request. */
export function answerPrivacy(agreed: boolean): void {
  const current = answer;
  answer = null;
  listeners.forEach((l) => l(false));
  if (agreed && process.env.TARO_ENV === 'h5') rememberAgreed();
  current?.(agreed);
}

/** H5: asks once per notice version before a privacy-relevant use; WeChat asks by itself (see `listenForWeChatPrivacy`). */
export function ensurePrivacyAgreed(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve(true);
  if (agreedVersion() === PRIVACY_NOTICE_VERSION) return Promise.resolve(true);
  return new Promise((resolve) => show(resolve));
}

/** The id of the popup's agree button, which WeChat checks was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

/** WeChat: when a privacy API (chooseMedia…) needs authorisation, show our popup and pass on the answer. */
export function listenForWeChatPrivacy(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    show((agreed) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
  });
}
