/**
 * The areas of configuration, one `settings/<area>` document each, set through `admin.setConfig` and
 * checked strictly there (settings.ts; kept apart so the client's configuration page names the areas
 * without carrying zod). The areas' own readers (`followUpSettingsWith`, `repairRulesWith`, `complaintRulesWith`,
 * `notifySettingsWith`, `privacySettingsWith`, `prospectCadenceWith`, `campaignTemplateWith`, `retentionWith`) stay lenient
 * for documents edited by hand in the console. Every settings document the functions read is one of
 * these areas (tests/integration/admin.test.ts checks it), so there is nothing an admin cannot set.
 * The hotline and the desk hours live in `followup` only: one of each, which every screen shows.
 */
export const SETTINGS_AREAS = ['followup', 'repair', 'complaint', 'notify', 'privacy', 'prospect', 'campaign', 'retention'] as const;
export type SettingsArea = (typeof SETTINGS_AREAS)[number];

export const SETTINGS_AREA_LABELS: Record<SettingsArea, string> = {
  followup: '回访：时间表、联系时段、通话次数、消息模板、服务热线与服务时间',
  repair: '报修：联系与上门时限',
  complaint: '投诉：答复时限、处理结果期限、重复投诉期、分派表、复审层级',
  notify: '通知：报修、投诉进度与待办提醒的消息模板、推送时段',
  privacy: '个人信息：删除申请、质保期满后的保存期',
  prospect: '意向客户：各类客户的跟进间隔',
  campaign: '营销活动：营销消息模板',
  retention: '保存期限：报表与员工查阅记录',
};

