import type { ConsentChannel, ConsentDecision } from '@shared/consent/ledger';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { newRequestId } from '@/lib/requestId';
import { callPrivacy } from './callPrivacy';

export const fetchConsent = () => callPrivacy('consent', {});
/** The notice version sent is the one this build shows: a newer one on the server refuses the choice until the page is reloaded. */
export const saveConsent = (channel: ConsentChannel, decision: ConsentDecision, how: 'tap' | 'messageLink' = 'tap') =>
  callPrivacy('setConsent', { channel, decision, how, noticeVersion: PRIVACY_NOTICE_VERSION, requestId: newRequestId() });
export const saveDoNotDisturb = (on: boolean) => callPrivacy('setDoNotDisturb', { on, noticeVersion: PRIVACY_NOTICE_VERSION, requestId: newRequestId() });
export const fetchMyData = () => callPrivacy('myData', {});
export const correctProfile = (name: string, phone: string) => callPrivacy('correct', { name, phone });
export const askForDeletion = () => callPrivacy('requestDeletion', { confirm: true });
export const cancelDeletionRequest = () => callPrivacy('cancelDeletion', {});
