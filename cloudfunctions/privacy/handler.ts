import { defineFunction } from '../_platform/define';
import { auditLog } from './audit';
import { consent, consentOf, recordPhoneConsent, setConsent, setDoNotDisturb } from './consent';
import { cancelDeletion, correct, myData, requestDeletion } from './data';

/**
 * The `privacy` function: marketing consent and 勿扰 (the homeowner's own, and customer service
 * recording what was said on the phone), the homeowner's rights over their data (see, copy, correct,
 * delete), and the audit log for admins.
 */
export const privacyFunction = defineFunction('privacy', {
  consent,
  setConsent,
  setDoNotDisturb,
  consentOf,
  recordPhoneConsent,
  myData,
  correct,
  requestDeletion,
  cancelDeletion,
  auditLog,
});
