import type { ConsentChannel } from '../consent/ledger';

/**
 * The names and labels of campaigns, without zod or the holiday calendar, so that a screen showing
 * campaigns loads only this (shared/campaign/campaign.ts has the schemas and rules).
 */
export const CAMPAIGN_KINDS = ['event', 'offer', 'greeting'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = { event: '活动邀请', offer: '优惠', greeting: '节日问候' };

export const CAMPAIGN_CHANNEL_LABELS: Record<ConsentChannel, string> = { subscription: '微信订阅消息', sms: '短信', phone: '电话（客服外呼任务）' };

/** Where a project is, for choosing an audience. */
export const PROJECT_STAGES = ['signed', 'underConstruction', 'completed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = { signed: '已签约未开工', underConstruction: '施工中', completed: '已竣工' };

export const WARRANTY_FILTERS = ['any', 'registered', 'notRegistered'] as const;
export type WarrantyFilter = (typeof WARRANTY_FILTERS)[number];

export const CAMPAIGN_STATUSES = ['proposed', 'scheduled', 'expanded', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { proposed: '待另一位管理员审批', scheduled: '已审批，待发送', expanded: '发送中或已发完', cancelled: '已取消' };

export const SEND_STATES = ['pending', 'sending', 'sent', 'skipped', 'callTask', 'called'] as const;
export type SendState = (typeof SEND_STATES)[number];
export const SKIP_REASONS = ['noConsent', 'cancelled', 'expired', 'noCredit', 'noTemplate', 'refused', 'failed'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  noConsent: '发送时没有营销同意（未同意、已撤回或开启了勿扰）',
  cancelled: '活动已取消',
  expired: '过了发送期限仍没有合适的联系时段',
  noCredit: '没有剩余的订阅消息次数',
  noTemplate: '没有配置营销消息模板',
  refused: '渠道拒收',
  failed: '发送结果未知，不再重发',
};

