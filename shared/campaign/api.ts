/** The `campaign` cloud function: an admin's marketing campaigns, and customer service's campaign calls. */
import * as z from 'zod/mini';
import { CONSENT_CHANNELS } from '../consent/ledger';
import { recordId, requestIdSchema, requiredText } from '../core/schemas';
import { audienceSchema, CAMPAIGN_KINDS, type Campaign, type CampaignSend } from './campaign';
import { HOLIDAYS, HOLIDAY_YEARS } from './holidayNames';

export const CampaignInputs = {
  define: z.object({
    kind: z.enum(CAMPAIGN_KINDS, { error: '请选择活动类型：活动邀请、优惠或节日问候' }),
    title: requiredText('标题', 2, 20),
    body: requiredText('内容', 4, 60),
    channel: z.enum(CONSENT_CHANNELS, { error: '请选择发送渠道：微信消息、短信或电话' }),
    audience: z._default(audienceSchema, { stages: [], warranty: 'any', city: null }),
    /** when to send (ms); for a holiday greeting, leave it out: the holiday's date decides */
    sendAt: z.optional(z.number({ error: '请选择发送时间' }).check(z.int(), z.positive({ error: '请选择发送时间' }))),
    holiday: z.optional(
      z.object({
        name: z.enum(HOLIDAYS, { error: '请选择节日：元旦、春节、元宵节、劳动节、端午节、中秋节或国庆节' }),
        year: z.number({ error: '请填写年份' }).check(
          z.int(),
          z.minimum(HOLIDAY_YEARS.min, { error: '年份超出日历范围' }),
          z.maximum(HOLIDAY_YEARS.max, { error: '年份超出日历范围' }),
        ),
      }),
    ),
    requestId: requestIdSchema,
  }).check(
    z.superRefine((v, ctx) => {
      if (v.kind === 'greeting' && !v.holiday) ctx.addIssue({ code: 'custom', path: ['holiday'], message: '节日问候请选择节日和年份，发送时间按当年日历确定' });
      if (v.kind === 'greeting' && v.sendAt !== undefined) ctx.addIssue({ code: 'custom', path: ['sendAt'], message: '节日问候的发送时间由节日决定，不用填写' });
      if (v.kind !== 'greeting' && v.sendAt === undefined) ctx.addIssue({ code: 'custom', path: ['sendAt'], message: '请选择发送时间' });
      if (v.kind !== 'greeting' && v.holiday) ctx.addIssue({ code: 'custom', path: ['holiday'], message: '只有节日问候可以选择节日' });
    }),
  ),
  list: z.object({}),
  cancel: z.object({ campaignId: recordId('活动') }),
  /** another admin than the one who defined it approves the text before it goes out (004 4.5) */
  approve: z.object({ campaignId: recordId('活动') }),
  /** customer service: the calls of phone campaigns that are due */
  calls: z.object({}),
  /** customer service opens one call: consent is checked again now, and only then is the number given */
  openCall: z.object({ sendId: recordId('外呼任务') }),
} as const;

export interface CampaignSummary extends Campaign {
  /** `skippedNoConsent`: of the skipped, those without marketing consent on the channel when it was their turn */
  counts: { pending: number; sent: number; skipped: number; skippedNoConsent: number; callTask: number; called: number };
  /** the caller may approve it: proposed, not past its time limit, and defined by another admin */
  canApprove: boolean;
}

export interface CampaignCall {
  sendId: string;
  campaignTitle: string;
  homeownerName: string;
  callAt: number | null;
}

export interface CampaignReplies {
  define: { campaign: Campaign };
  list: { campaigns: CampaignSummary[] };
  cancel: { campaign: Campaign };
  approve: { campaign: Campaign };
  calls: { calls: CampaignCall[] };
  openCall: { send: CampaignSend; homeowner: { name: string; phone: string }; campaign: { title: string; body: string } };
}
