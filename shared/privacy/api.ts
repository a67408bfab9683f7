/** The `privacy` cloud function: marketing consent and 勿扰, the homeowner's data, and the audit log. */
import * as z from 'zod/mini';
import type { AuditEntry } from '../core/audit';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import { CONSENT_CHANNELS, CONSENT_DECISIONS, type ConsentChannel, type ConsentEntry } from '../consent/ledger';
import type { ConsentState } from '../consent/state';
import type { Milestone } from '../project/project';
import type { SiteVisitKind } from '../project/visit';
import type { DeletionRequest } from './deletion';

const channel = z.enum(CONSENT_CHANNELS, { error: '请选择渠道：微信消息、短信或电话' });
const decision = z.enum(CONSENT_DECISIONS, { error: '请选择同意或撤回' });
const noticeVersion = z.string({ error: '缺少隐私说明版本' }).check(z.minLength(1, { error: '缺少隐私说明版本' }), z.maxLength(32));
/** the homeowner's own tap, or the refusal link of a marketing message */
const how = z._default(z.enum(['tap', 'messageLink']), 'tap');

const phoneChange = z.discriminatedUnion(
  'subject',
  [
    z.object({ subject: z.literal('consent'), channel, decision }),
    z.object({ subject: z.literal('doNotDisturb'), on: z.boolean({ error: '请选择开启或关闭勿扰' }) }),
  ],
  { error: '请选择要登记的内容：某个渠道的同意/拒绝，或勿扰' },
);

export const PrivacyInputs = {
  consent: z.object({}),
  setConsent: z.object({ channel, decision, noticeVersion, how, requestId: requestIdSchema }),
  setDoNotDisturb: z.object({ on: z.boolean({ error: '请选择开启或关闭勿扰' }), noticeVersion, how, requestId: requestIdSchema }),
  consentOf: z.object({ homeownerId: recordId('业主') }),
  recordPhoneConsent: z.object({ homeownerId: recordId('业主'), change: phoneChange, requestId: requestIdSchema }),
  myData: z.object({}),
  correct: z.object({
    name: requiredText('姓名', 1, 20),
    phone: z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号，例如 13800138000' })),
  }),
  requestDeletion: z.object({ confirm: z.literal(true, { error: '请确认您要删除个人信息' }) }),
  cancelDeletion: z.object({}),
  auditLog: z.object({
    subjectId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** entries before this instant (the `at` of the last one shown): the next page */
    before: z.optional(z.number().check(z.int(), z.positive())),
    limit: z._default(z.number().check(z.int(), z.minimum(1, { error: '每页 1–100 条' }), z.maximum(100, { error: '每页 1–100 条' })), 50),
  }),
} as const;

/** One entry of the ledger as the homeowner (or customer service) sees it. */
export type ConsentHistoryItem = ConsentEntry extends infer E ? (E extends ConsentEntry ? Omit<E, '_id' | 'homeownerId'> : never) : never;

export interface ConsentView {
  state: ConsentState;
  /** newest first */
  history: ConsentHistoryItem[];
  noticeVersion: string;
}

/**
 * The marketing message template (`settings/campaign.template`) the consent screen asks WeChat for when
 * the homeowner agrees to marketing by 微信消息, with the messages she has allowed and not yet received
 * (WeChat: one acceptance, one message). Accepted by `followup.subscribed` only while that consent stands.
 */
export interface MarketingTemplateOffer {
  templateId: string;
  /** what the homeowner reads in the dialog */
  label: string;
  credits: number;
}

/** What the consent screen and WeChat's dialog call the marketing template. */
export const MARKETING_TEMPLATE_LABEL = '优惠与活动消息';

/** The homeowner's own consent screen: the view and, when the admin configured one, the marketing template. */
export type OwnConsentView = ConsentView & { marketingTemplate: MarketingTemplateOffer | null };

/** Everything the company holds about the homeowner, as the JSON copy they can download. */
export interface DataCopy {
  exportedAt: number;
  profile: { name: string; phone: string; contactWindows: unknown; anonymisedAt: number | null };
  projects: { id: string; name: string; address: string; milestones: Partial<Record<Milestone, string>>; anonymisedAt: number | null }[];
  repairs: { id: string; projectId: string; category: string; description: string; status: string; createdAt: number }[];
  complaints: { id: string; projectId: string | null; category: string; description: string; status: string; receivedAt: number }[];
  /** enquiries, suggestions and service needs at the service desk, newest first, with their replies */
  enquiries: { id: string; ref: string | null; projectId: string | null; kind: string; channel: string; text: string; status: string; receivedAt: number; reply: string | null; repliedAt: number | null }[];
  surveyAnswers: { id: string; followUpId: string; stage: string; answeredAt: number; channel: string; answers: unknown }[];
  /**
   * the photos staff archived of their site and the on-site visits they signed, newest first: the
   * photos' and the signature's file ids, what they said, who made each record (by name) and when
   */
  siteVisits: { id: string; projectId: string; kind: SiteVisitKind; kindLabel: string; stage: string; photos: string[]; note: string; satisfaction: number | null; signature: string | null; byName: string; at: number }[];
  consent: ConsentView;
  /** the marketing messages the company sent her (campaigns' sends in state sent), newest first */
  marketingMessages: MarketingMessageSent[];
  /** how many times staff looked at the homeowner's personal data, and the last time */
  staffReads: { count: number; lastAt: number | null };
}

/** One marketing message the company sent: when, which campaign, on which channel. */
export interface MarketingMessageSent {
  campaignId: string;
  /** the campaign's title as the admin named it */
  title: string;
  channel: ConsentChannel;
  /** 微信消息, 短信, 电话 */
  channelLabel: string;
  sentAt: number;
}

export interface DeletionView {
  request: DeletionRequest | null;
  erased: readonly string[];
  kept: { what: string; why: string }[];
}

export interface PrivacyReplies {
  consent: OwnConsentView;
  setConsent: OwnConsentView & { changed: boolean };
  setDoNotDisturb: OwnConsentView & { changed: boolean };
  consentOf: ConsentView & { homeownerName: string };
  recordPhoneConsent: ConsentView & { homeownerName: string; changed: boolean };
  myData: { copy: DataCopy; deletion: DeletionView };
  correct: { profile: DataCopy['profile'] };
  requestDeletion: DeletionView;
  cancelDeletion: DeletionView;
  auditLog: { entries: AuditEntry[]; more: boolean };
}
