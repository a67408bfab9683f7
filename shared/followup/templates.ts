import { cst } from '../core/time';
import type { FollowUpKind } from './schedule';

/**
 * Subscription-message templates (订阅消息, DOMAIN §10). The product uses three one-time templates,
 * one per purpose; their ids and keyword fields belong to the company's own mini-program, so they are
 * configuration (`settings/followup.templates`), never code.
 */
export const TEMPLATE_PURPOSES = ['stageVisit', 'warrantyVisit', 'serviceVisit'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

export const TEMPLATE_PURPOSE_LABELS: Record<TemplatePurpose, string> = {
  stageVisit: '施工阶段回访提醒',
  warrantyVisit: '保修办理后的回访提醒',
  serviceVisit: '维修与投诉处理回访',
};

export const PURPOSE_OF_KIND: Record<FollowUpKind, TemplatePurpose> = {
  depositWelcome: 'stageVisit',
  earlyStage: 'stageVisit',
  concealedWorks: 'stageVisit',
  midStage: 'stageVisit',
  preCompletion: 'stageVisit',
  lateCompletion: 'stageVisit',
  completion: 'stageVisit',
  proxyWarranty: 'warrantyVisit',
  missingFeedbackForm: 'warrantyVisit',
  warranty: 'warrantyVisit',
  afterRepair: 'serviceVisit',
  afterComplaint: 'serviceVisit',
};

/** What a template keyword is filled with. */
export const TEMPLATE_VALUES = ['title', 'project', 'dueDate', 'windowEnd', 'hint', 'homeowner'] as const;
export type TemplateValue = (typeof TEMPLATE_VALUES)[number];

export interface TemplateConfig {
  /** the template id from the mini-program's 订阅消息 console */
  id: string;
  /** WeChat keyword (thing1, date2, …) → the value it shows */
  fields: Record<string, TemplateValue>;
}

export type TemplateSettings = Partial<Record<TemplatePurpose, TemplateConfig>>;

/** What the values are made from. */
export interface TemplateSource {
  title: string;
  project: string;
  dueDate: string;
  windowEnd: string;
  hint: string;
  homeowner: string;
}

/** WeChat's keyword types and their limits (subscribeMessage.send, 模板参数值限制). */
export const FIELD_RULES: Record<string, { max: number; test?: RegExp; describe: string }> = {
  thing: { max: 20, describe: '20 个以内字符' },
  phrase: { max: 5, test: /^[\u4e00-\u9fa5]+$/, describe: '5 个以内汉字' },
  name: { max: 10, describe: '10 个以内字符' },
  number: { max: 32, test: /^\d+(\.\d+)?$/, describe: '32 位以内数字' },
  letter: { max: 32, test: /^[A-Za-z]+$/, describe: '32 位以内字母' },
  symbol: { max: 5, test: /^[^\w\s\u4e00-\u9fa5]+$/, describe: '5 位以内符号' },
  character_string: { max: 32, test: /^[\x21-\x7e]+$/, describe: '32 位以内数字、字母或符号' },
  phone_number: { max: 17, test: /^[\d+\-() ]+$/, describe: '17 位以内数字、符号' },
  car_number: { max: 8, describe: '8 位以内' },
  date: { max: 40, test: /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/, describe: '日期，如 2026年11月23日' },
  time: { max: 40, test: /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, describe: '时间，如 15:01 或 2026年11月23日 15:01' },
};

/** The keyword's type: its name without the trailing number ('thing12' → 'thing'). */
export function fieldType(keyword: string): string {
  return keyword.replace(/\d+$/, '');
}

/** A value fitted to its keyword's type: dates written the Chinese way, text cut to the limit. */
export function fitField(keyword: string, raw: string): string {
  const type = fieldType(keyword);
  if (type === 'date' || type === 'time') {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? cst(raw) : null;
    return d ? d.format('YYYY年M月D日') : raw;
  }
  if (type === 'phrase') return Array.from(raw.replace(/[^\u4e00-\u9fa5]/g, '')).slice(0, 5).join('');
  const rule = FIELD_RULES[type];
  const chars = Array.from(raw.trim());
  if (!rule || chars.length <= rule.max) return chars.join('');
  return `${chars.slice(0, rule.max - 1).join('')}…`;
}

/** Problems with template data, by keyword, in words an admin can act on; empty when WeChat will take it. */
export function checkTemplateData(data: Record<string, { value: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [keyword, { value }] of Object.entries(data)) {
    const rule = FIELD_RULES[fieldType(keyword)];
    if (!rule) errors[keyword] = `未知的模板字段类型：${keyword}`;
    else if (value.length === 0) errors[keyword] = '内容为空';
    else if (Array.from(value).length > rule.max || (rule.test && !rule.test.test(value))) errors[keyword] = `应为${rule.describe}：“${value}”`;
  }
  return errors;
}

/** The `data` of a subscription message from its template's field map. */
export function templateData(template: TemplateConfig, source: TemplateSource): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [keyword, from] of Object.entries(template.fields)) data[keyword] = { value: fitField(keyword, source[from]) };
  return data;
}

/** Reads `settings/followup.templates`, keeping only well-formed entries. */
export function templatesWith(raw: unknown): TemplateSettings {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: TemplateSettings = {};
  for (const purpose of TEMPLATE_PURPOSES) {
    const t = given[purpose] as { id?: unknown; fields?: unknown } | undefined;
    if (!t || typeof t.id !== 'string' || t.id.length === 0 || typeof t.fields !== 'object' || t.fields === null) continue;
    const fields: Record<string, TemplateValue> = {};
    for (const [k, v] of Object.entries(t.fields as Record<string, unknown>)) {
      if ((TEMPLATE_VALUES as readonly unknown[]).includes(v) && FIELD_RULES[fieldType(k)]) fields[k] = v as TemplateValue;
    }
    if (Object.keys(fields).length) out[purpose] = { id: t.id, fields };
  }
  return out;
}
