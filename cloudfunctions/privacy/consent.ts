import { fail, ok } from '@shared/core/result';
import { hasRole } from '@shared/core/roles';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import type { ConsentRequest } from '@shared/consent/state';
import { creditsLeft } from '@shared/followup/credits';
import { MARKETING_TEMPLATE_LABEL, PrivacyInputs, type MarketingTemplateOffer } from '@shared/privacy/api';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead } from '../_usecases/audit';
import { appendConsent, consentEntries, consentView } from '../_usecases/consent';
import { loadCampaignTemplate } from '../_usecases/settings';

/** The marketing template to ask WeChat for, with the messages the homeowner has allowed; null when none is configured. */
async function marketingTemplate(store: Stores, homeownerId: string): Promise<MarketingTemplateOffer | null> {
  const [template, ledger] = await Promise.all([loadCampaignTemplate(store), store.contacts.get(homeownerId)]);
  return template ? { templateId: template.id, label: MARKETING_TEMPLATE_LABEL, credits: creditsLeft(ledger, template.id) } : null;
}

/** The same answer for someone who does not exist and someone who is not a homeowner. */
const noSuchHomeowner = () => fail('PRIVACY.NOT_FOUND', '没有找到这位业主，请从项目里重新打开', { homeownerId: '业主不存在' });

/** The homeowner's own consent: the state of each channel, 勿扰, and every choice they made, newest first. */
export const consent = action({
  input: PrivacyInputs.consent,
  roles: ['homeowner'],
  async run({ store, user }) {
    const [entries, offer] = await Promise.all([consentEntries(store, user._id), marketingTemplate(store, user._id)]);
    return ok({ ...consentView(entries), marketingTemplate: offer });
  },
});

/** The homeowner grants or withdraws marketing on one channel; a withdrawal counts for every send not yet made. */
export const setConsent = action({
  input: PrivacyInputs.setConsent,
  roles: ['homeowner'],
  async run({ store, user, now }, { channel, decision, noticeVersion, how, requestId }) {
    const request: ConsentRequest = { subject: 'consent', channel, decision };
    const appended = await appendConsent(store, user._id, request, { how, recordedBy: null, noticeVersion, requestId }, now);
    if (!appended.ok) return appended;
    return ok({ ...consentView(appended.data.entries), marketingTemplate: await marketingTemplate(store, user._id), changed: appended.data.changed });
  },
});

/** 勿扰: one switch that stops marketing on every channel while on, and is kept. */
export const setDoNotDisturb = action({
  input: PrivacyInputs.setDoNotDisturb,
  roles: ['homeowner'],
  async run({ store, user, now }, { on, noticeVersion, how, requestId }) {
    const appended = await appendConsent(store, user._id, { subject: 'doNotDisturb', on }, { how, recordedBy: null, noticeVersion, requestId }, now);
    if (!appended.ok) return appended;
    return ok({ ...consentView(appended.data.entries), marketingTemplate: await marketingTemplate(store, user._id), changed: appended.data.changed });
  },
});

/** Customer service looks up a homeowner's consent before a call (an audited read of their name and choices). */
export const consentOf = action({
  input: PrivacyInputs.consentOf,
  roles: ['customerService', 'admin'],
  async run({ store, user, now }, { homeownerId }) {
    const homeowner = await store.users.get(homeownerId);
    if (!homeowner || !hasRole(homeowner, 'homeowner')) return noSuchHomeowner();
    const entries = await consentEntries(store, homeownerId);
    await recordPersonalDataRead(store, { viewer: user, subjectId: homeownerId, record: `consents/${homeownerId}`, fields: ['name', 'consent'], at: now });
    return ok({ ...consentView(entries), homeownerName: homeowner.name });
  },
});

/**
 * Customer service (or an admin on a spot-check call) records a consent or refusal the homeowner gave on the phone: the entry names who
 * recorded it and when, and the notice version in force (the one read out on the call).
 */
export const recordPhoneConsent = action({
  input: PrivacyInputs.recordPhoneConsent,
  // admins make the warranty-period spot-check calls (001 §五)
  roles: ['customerService', 'admin'],
  async run({ store, user, now }, { homeownerId, change, requestId }) {
    const homeowner = await store.users.get(homeownerId);
    if (!homeowner || !hasRole(homeowner, 'homeowner')) return noSuchHomeowner();
    const request: ConsentRequest = change.subject === 'consent' ? { subject: 'consent', channel: change.channel, decision: change.decision } : { subject: 'doNotDisturb', on: change.on };
    const appended = await appendConsent(store, homeownerId, request, { how: 'phone', recordedBy: { id: user._id, name: user.name }, noticeVersion: PRIVACY_NOTICE_VERSION, requestId }, now);
    if (!appended.ok) return appended;
    await recordPersonalDataRead(store, { viewer: user, subjectId: homeownerId, record: `consents/${homeownerId}`, fields: ['name', 'consent'], at: now });
    return ok({ ...consentView(appended.data.entries), homeownerName: homeowner.name, changed: appended.data.changed });
  },
});
