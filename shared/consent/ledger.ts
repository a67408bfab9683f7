import * as z from 'zod/mini';

/**
 * Marketing consent (DOMAIN §7, PIPL arts. 14-16): service follow-ups are what the contract provides
 * for and need no consent; marketing needs the homeowner's separate, explicit opt-in per channel.
 */
export const CONSENT_PURPOSES = ['service', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_CHANNELS = ['subscription', 'sms', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ConsentChannel, string> = {
  subscription: '微信消息',
  sms: '短信',
  phone: '电话',
};

/** What choosing a channel means, in the words the consent screen uses. */
export const CHANNEL_MEANINGS: Record<ConsentChannel, string> = {
  subscription: '在微信里给您发优惠、活动邀请和节日问候（每条消息都附有退订方式）',
  sms: '给您的手机发优惠、活动邀请和节日问候短信（短信里附有退订方式）',
  phone: '客服给您打电话介绍优惠和活动（通话中说“不需要”即可停止）',
};

export const CONSENT_DECISIONS = ['granted', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/**
 * How a choice reached us: a tap on the consent screen, a phone call to customer service, a marketing
 * message's refusal link, or said in person to staff (a prospect in the showroom).
 */
export const CONSENT_METHODS = ['tap', 'phone', 'messageLink', 'inPerson'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const METHOD_LABELS: Record<ConsentMethod, string> = {
  tap: '本人在小程序中操作',
  phone: '电话告知客服',
  messageLink: '通过营销消息里的退订入口',
  inPerson: '当面告知员工',
};

const recordedBySchema = z.object({ id: z.string(), name: z.string() });

const entryBase = {
  /** `<homeownerId>:<requestId>`: a retried request finds its entry instead of adding a second */
  _id: z.string(),
  homeownerId: z.string(),
  /** position in the homeowner's ledger, 1, 2, 3…: the order the state is derived in */
  seq: z.number().check(z.int(), z.positive()),
  at: z.number(),
  how: z.enum(CONSENT_METHODS),
  /** customer service who took it by phone; null when the homeowner made the choice themselves */
  recordedBy: z.nullable(recordedBySchema),
  /** the version of the privacy notice the homeowner was shown (or read out) */
  noticeVersion: z.string(),
};

/**
 * One entry of the append-only consent ledger (`consentLedger`): a grant or withdrawal of one purpose
 * on one channel, or the 勿扰 switch turned on or off. Nothing edits or deletes an entry; the current
 * state is derived from the entries in `seq` order (`consentState`).
 */
export const consentEntrySchema = z.discriminatedUnion('subject', [
  z.object({
    ...entryBase,
    subject: z.literal('consent'),
    purpose: z.enum(CONSENT_PURPOSES),
    channel: z.enum(CONSENT_CHANNELS),
    decision: z.enum(CONSENT_DECISIONS),
  }),
  z.object({
    ...entryBase,
    subject: z.literal('doNotDisturb'),
    /** true: 勿扰 turned on (no marketing on any channel) */
    on: z.boolean(),
  }),
]);
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

/** What a request would append, before it has its place in the ledger. */
export type ConsentEntryDraft = ConsentEntry extends infer E ? (E extends ConsentEntry ? Omit<E, '_id' | 'seq'> : never) : never;

/**
 * The head of one homeowner's ledger (`consents/<homeownerId>`): the last `seq` given out. Appending
 * bumps it in the same transaction that stores the entry, so two appends never share a place.
 */
export const consentHeadSchema = z.object({
  _id: z.string(),
  seq: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.number(),
});
export type ConsentHead = z.infer<typeof consentHeadSchema>;
