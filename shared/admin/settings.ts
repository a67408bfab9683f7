import * as z from 'zod/mini';
import { CAMPAIGN_TEMPLATE_VALUES } from '../campaign/campaign';
import { COMPLAINT_CATEGORIES } from '../complaint/categories';
import { DEPARTMENTS } from '../core/roles';
import { contactWindowsSchema } from '../followup/contact';
import { DEFAULT_SCHEDULE } from '../followup/config';
import { FIELD_RULES, fieldType, TEMPLATE_PURPOSES, TEMPLATE_VALUES } from '../followup/templates';
import { NOTICE_VALUES, TEMPLATE_KEYS } from '../notify/push';
import { LEAD_CLASSES } from '../prospect/prospect';
import { REPAIR_CATEGORIES } from '../repair/categories';
import type { SettingsArea } from './areas';

/**
 * What an admin may write into each `settings/<area>` document (the areas are in areas.ts), checked
 * strictly: a value the area's rules would ignore (and so silently keep the default) is refused
 * here, naming the field.
 */
export { SETTINGS_AREAS, SETTINGS_AREA_LABELS, type SettingsArea } from './areas';

const whole = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).check(
    z.int({ error: `${label}应为整数` }),
    z.minimum(min, { error: `${label}不能小于 ${min}` }),
    z.maximum(max, { error: `${label}不能大于 ${max}` }),
  );

const positiveHours = (label: string) =>
  z.number({ error: `${label}应为数字` }).check(z.positive({ error: `${label}应大于 0` }), z.maximum(24 * 30, { error: `${label}不能超过 720 小时` }));

const scheduleShape = Object.fromEntries(
  (Object.keys(DEFAULT_SCHEDULE) as (keyof typeof DEFAULT_SCHEDULE)[]).map((k) => [k, z.optional(whole('天数或月数', /EveryMonths$/.test(k) ? 1 : 0, k === 'warrantyHorizonYears' ? 30 : 366))]),
) as Record<keyof typeof DEFAULT_SCHEDULE, z.ZodMiniOptional<z.ZodMiniNumber>>;

const templateSchema = z.strictObject({
  id: z.string({ error: '请填写模板 ID' }).check(z.trim(), z.minLength(1, { error: '请填写模板 ID' }), z.maxLength(64, { error: '模板 ID 过长' })),
  fields: z.record(z.string(), z.enum(TEMPLATE_VALUES, { error: `取值应为 ${TEMPLATE_VALUES.join('、')} 之一` })).check(
    z.refine((f) => Object.keys(f).length > 0, { error: '请至少设置一个模板字段' }),
    z.refine((f) => Object.keys(f).every((k) => FIELD_RULES[fieldType(k)] !== undefined), { error: '模板字段名应为微信的关键词，如 thing1、date2' }),
  ),
});

export const followUpSettingsInput = z.strictObject({
  schedule: z.strictObject(scheduleShape, { error: '时间表应为对象' }),
  contactWindows: contactWindowsSchema,
  dailyMessageCap: whole('每日消息上限', 1, 10),
  claimLeaseMinutes: whole('发送确认等待分钟数', 1, 120),
  retryCallAfterHours: whole('未接通重拨间隔小时数', 1, 72),
  maxCallAttempts: whole('每次回访最多拨打次数', 1, 10),
  minCallSpacingMinutes: whole('两次拨打最短间隔分钟数', 0, 24 * 60),
  templates: z.partialRecord(z.enum(TEMPLATE_PURPOSES), templateSchema),
  hotline: z.string().check(z.trim(), z.regex(/^[\d\-+ ]{5,20}$/, { error: '服务热线应为 5-20 位数字或“-”' })),
  /** when the hotline is answered, shown next to it on every screen (004 5.1.1: 24 hours) */
  deskHours: z.string({ error: '服务时间应为文字' }).check(z.trim(), z.minLength(2, { error: '请填写服务时间' }), z.maxLength(20, { error: '服务时间最多 20 个字' })),
  /** hours within which the desk answers an enquiry, suggestion or service need */
  enquiryReplyWithinHours: whole('咨询建议回复时限（小时）', 1, 168),
  companyName: z.string().check(z.trim(), z.maxLength(20, { error: '公司名称最多 20 个字' })),
});

export const repairSettingsInput = z.strictObject({
  contactWithinHours: positiveHours('联系时限'),
  onSiteWithinHours: z.partialRecord(z.enum(REPAIR_CATEGORIES, { error: '报修类别无效' }), positiveHours('上门时限')),
});

export const complaintSettingsInput = z.strictObject({
  replyWithinHours: positiveHours('答复时限'),
  resultWithinDays: whole('处理结果期限天数', 1, 90),
  repeatWindowDays: whole('重复投诉认定天数', 1, 365),
  routing: z.partialRecord(z.enum(COMPLAINT_CATEGORIES, { error: '投诉类别无效' }), z.enum(DEPARTMENTS, { error: '部门无效' })),
  ladder: z.array(z.enum(DEPARTMENTS, { error: '部门无效' })).check(
    z.minLength(1, { error: '复审层级至少一级' }),
    z.maxLength(DEPARTMENTS.length),
    z.refine((l) => new Set(l).size === l.length, { error: '复审层级中部门不能重复' }),
  ),
});

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const noticeTemplateSchema = z.strictObject({
  id: z.string({ error: '请填写模板 ID' }).check(z.trim(), z.minLength(1, { error: '请填写模板 ID' }), z.maxLength(64, { error: '模板 ID 过长' })),
  fields: z.record(z.string(), z.enum(NOTICE_VALUES, { error: `取值应为 ${NOTICE_VALUES.join('、')} 之一` })).check(
    z.refine((f) => Object.keys(f).length > 0, { error: '请至少设置一个模板字段' }),
    z.refine((f) => Object.keys(f).every((k) => FIELD_RULES[fieldType(k)] !== undefined), { error: '模板字段名应为微信的关键词，如 thing1、time2' }),
  ),
});

export const notifySettingsInput = z.strictObject({
  /** by purpose (repairProgress, complaintProgress, staffWork) or by a notice kind with a template of its own (repair_urged) */
  templates: z.partialRecord(z.enum(TEMPLATE_KEYS as [string, ...string[]]), noticeTemplateSchema),
  pushWindow: z.strictObject({
    from: z.string({ error: '开始时间应为 HH:mm' }).check(z.regex(HHMM, { error: '开始时间应为 HH:mm，如 08:00' })),
    to: z.string({ error: '结束时间应为 HH:mm' }).check(z.regex(HHMM, { error: '结束时间应为 HH:mm，如 21:00' })),
  }).check(z.refine((w) => w.from < w.to, { error: '推送时段的结束时间应晚于开始时间' })),
  claimLeaseMinutes: whole('推送确认等待分钟数', 1, 120),
});

export const privacySettingsInput = z.strictObject({
  /** days between a homeowner's deletion request and the anonymisation (0: at once) */
  deletionDelayDays: whole('删除申请执行天数', 0, 30),
  /** days a project's personal data is kept after its warranty horizon */
  retentionDaysAfterWarranty: whole('质保期满后保存天数', 0, 3650),
});

const cadenceDays = (label: string) => whole(label, 1, 365);

export const prospectSettingsInput = z.strictObject({
  everyDays: z.partialRecord(z.enum(LEAD_CLASSES, { error: '客户分类应为 A-E' }), cadenceDays('跟进间隔天数')),
  afterShowroomVisitDays: cadenceDays('到店后回访天数'),
});

export const campaignSettingsInput = z.strictObject({
  /** the marketing subscription template (a one-time template such as 活动通知) and what fills its keywords */
  template: z.strictObject({
    id: z.string({ error: '请填写模板 ID' }).check(z.trim(), z.minLength(1, { error: '请填写模板 ID' }), z.maxLength(64, { error: '模板 ID 过长' })),
    fields: z.record(z.string(), z.enum(CAMPAIGN_TEMPLATE_VALUES, { error: `取值应为 ${CAMPAIGN_TEMPLATE_VALUES.join('、')} 之一` })).check(
      z.refine((f) => Object.keys(f).length > 0, { error: '请至少设置一个模板字段' }),
      z.refine((f) => Object.keys(f).every((k) => FIELD_RULES[fieldType(k)] !== undefined), { error: '模板字段名应为微信的关键词，如 thing1、time2' }),
      z.refine((f) => Object.values(f).includes('optOut'), { error: '营销消息必须有一个字段写明退订方式（optOut）' }),
    ),
  }),
});

export const retentionSettingsInput = z.strictObject({
  /** months a stored report is kept (its CSV file stays in storage) */
  reportsMonths: whole('报表保存月数', 1, 120),
  /** years the audit log of staff reads is kept */
  auditLogYears: whole('审计记录保存年数', 1, 30),
});

export const SETTINGS_INPUTS = {
  followup: z.partial(followUpSettingsInput),
  repair: z.partial(repairSettingsInput),
  complaint: z.partial(complaintSettingsInput),
  notify: z.partial(notifySettingsInput),
  privacy: z.partial(privacySettingsInput),
  prospect: z.partial(prospectSettingsInput),
  campaign: z.partial(campaignSettingsInput),
  retention: z.partial(retentionSettingsInput),
} as const;

export interface RetentionSettings {
  reportsMonths: number;
  auditLogYears: number;
}
export const DEFAULT_RETENTION: RetentionSettings = { reportsMonths: 24, auditLogYears: 3 };

/** `settings/retention` over its defaults, ignoring what is malformed. */
export function retentionWith(raw: unknown): RetentionSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = (k: keyof RetentionSettings) => {
    const v = retentionSettingsInput.shape[k].safeParse(o[k]);
    return v.success ? v.data : DEFAULT_RETENTION[k];
  };
  return { reportsMonths: pick('reportsMonths'), auditLogYears: pick('auditLogYears') };
}

function stripId(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return {};
  const { _id: _ignored, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/**
 * What is wrong with a stored settings document, by field: what the area's reader ignores and
 * replaces with the default. Empty when everything in it takes effect.
 */
export function ignoredSettings(area: SettingsArea, stored: unknown): Record<string, string> {
  const parsed = SETTINGS_INPUTS[area].safeParse(stripId(stored));
  if (parsed.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in problems)) problems[key] = issue.code === 'unrecognized_keys' ? `未知的设置项：${issue.keys.join('、')}` : issue.message;
  }
  return problems;
}
