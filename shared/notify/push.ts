import { formatCst, type Millis } from '../core/time';
import { nextContactTime } from '../followup/contact';
import { FIELD_RULES, fieldType, fitField } from '../followup/templates';
import { NOTICE_KINDS, type Notice, type NoticeKind } from './notice';

/**
 * Push delivery of notices as WeChat subscription messages (DOMAIN §10). Three one-time templates,
 * one per purpose; an admin may also give one kind a template of its own. Template ids and keyword
 * fields belong to the company's mini-program, so they are settings (`settings/notify`), never code.
 */
export const NOTICE_PURPOSES = ['repairProgress', 'complaintProgress', 'staffWork'] as const;
export type NoticePurpose = (typeof NOTICE_PURPOSES)[number];

export const NOTICE_PURPOSE_LABELS: Record<NoticePurpose, string> = {
  repairProgress: '报修进度通知',
  complaintProgress: '投诉处理进度通知',
  staffWork: '待办工作提醒',
};

/** Which purposes a homeowner is asked to accept, and which staff are. */
export const HOMEOWNER_NOTICE_PURPOSES: readonly NoticePurpose[] = ['repairProgress', 'complaintProgress'];
export const STAFF_NOTICE_PURPOSES: readonly NoticePurpose[] = ['staffWork'];

/** null: the notice has no purpose template of its own and is pushed only when its kind has one (else 消息 only). */
export const PURPOSE_OF_NOTICE: Record<NoticeKind, NoticePurpose | null> = {
  'repair.accepted': 'repairProgress',
  'repair.scheduled': 'repairProgress',
  'repair.resolved': 'repairProgress',
  'complaint.received': 'complaintProgress',
  'complaint.replied': 'complaintProgress',
  'complaint.promised': 'complaintProgress',
  'complaint.proposal': 'complaintProgress',
  'complaint.resolved': 'complaintProgress',
  'repair.assigned': 'staffWork',
  'repair.overdue': 'staffWork',
  'repair.urged': 'staffWork',
  'repair.reopened': 'staffWork',
  'repair.rated': 'staffWork',
  'complaint.routed': 'staffWork',
  'complaint.overdue': 'staffWork',
  'complaint.about-you': 'staffWork',
  'complaint.assigned': 'staffWork',
  'repair.cancelled': 'staffWork',
  'repair.info': 'staffWork',
  'complaint.info': 'staffWork',
  'privacy.deleted': null,
  'report.ready': 'staffWork',
  'records.granted': 'staffWork',
  'records.revoked': 'staffWork',
  // a reply at the service desk travels as complaint replies do: the homeowner accepted that template for answers to what they raised
  'enquiry.replied': 'complaintProgress',
  'enquiry.received': 'staffWork',
  'enquiry.overdue': 'staffWork',
};

/** What a template keyword is filled with: the notice's title, its text, its reference number, when it happened. */
export const NOTICE_VALUES = ['title', 'body', 'ref', 'time'] as const;
export type NoticeValue = (typeof NOTICE_VALUES)[number];

export interface NoticeTemplate {
  id: string;
  /** WeChat keyword (thing1, time2, …) → the value it shows */
  fields: Record<string, NoticeValue>;
}

/** A CST wall-clock window ('HH:mm', `to` exclusive) in which pushes go out. */
export interface PushWindow {
  from: string;
  to: string;
}

/** 08:00–21:00 China time: service updates are not pushed at night. */
export const DEFAULT_PUSH_WINDOW: PushWindow = { from: '08:00', to: '21:00' };

export interface NotifySettings {
  /** by purpose, or by notice kind for a kind with a template of its own */
  templates: Partial<Record<NoticePurpose | NoticeKind, NoticeTemplate>>;
  pushWindow: PushWindow;
  /** a claimed push not confirmed within this many minutes is never retried */
  claimLeaseMinutes: number;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { templates: {}, pushWindow: DEFAULT_PUSH_WINDOW, claimLeaseMinutes: 10 };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The name a template goes under in `settings/notify.templates`: the purpose, or the notice kind with
 * its dot written as `_` (`repair_urged`), because a CloudBase field name cannot contain a dot.
 */
export function templateKey(key: NoticePurpose | NoticeKind): string {
  return key.replace('.', '_');
}

/** Every name `settings/notify.templates` takes. */
export const TEMPLATE_KEYS: readonly string[] = [...NOTICE_PURPOSES, ...NOTICE_KINDS].map(templateKey);

/** `settings/notify` merged over the defaults; malformed parts keep their default. */
export function notifySettingsWith(raw: unknown): NotifySettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const given = (typeof o.templates === 'object' && o.templates !== null ? o.templates : {}) as Record<string, unknown>;
  const templates: NotifySettings['templates'] = {};
  for (const key of [...NOTICE_PURPOSES, ...NOTICE_KINDS]) {
    const t = given[templateKey(key)] as { id?: unknown; fields?: unknown } | undefined;
    if (!t || typeof t.id !== 'string' || t.id.length === 0 || typeof t.fields !== 'object' || t.fields === null) continue;
    const fields: Record<string, NoticeValue> = {};
    for (const [k, v] of Object.entries(t.fields as Record<string, unknown>)) {
      if ((NOTICE_VALUES as readonly unknown[]).includes(v) && FIELD_RULES[fieldType(k)]) fields[k] = v as NoticeValue;
    }
    if (Object.keys(fields).length) templates[key] = { id: t.id, fields };
  }
  const w = (typeof o.pushWindow === 'object' && o.pushWindow !== null ? o.pushWindow : {}) as Record<string, unknown>;
  const pushWindow =
    typeof w.from === 'string' && typeof w.to === 'string' && HHMM.test(w.from) && HHMM.test(w.to) && w.from < w.to
      ? { from: w.from, to: w.to }
      : DEFAULT_PUSH_WINDOW;
  const lease = o.claimLeaseMinutes;
  return {
    templates,
    pushWindow,
    claimLeaseMinutes: typeof lease === 'number' && Number.isInteger(lease) && lease >= 1 ? lease : DEFAULT_NOTIFY_SETTINGS.claimLeaseMinutes,
  };
}

/** The template a notice of this kind goes out with: its own, else its purpose's; null when none is set. */
export function templateFor(settings: NotifySettings, kind: NoticeKind): NoticeTemplate | null {
  const purpose = PURPOSE_OF_NOTICE[kind];
  return settings.templates[kind] ?? (purpose ? settings.templates[purpose] : undefined) ?? null;
}

/** The configured templates of these purposes, once each, with the purpose they serve. */
export function purposeTemplates(settings: NotifySettings, purposes: readonly NoticePurpose[]): { purpose: NoticePurpose; template: NoticeTemplate }[] {
  const seen = new Set<string>();
  const out: { purpose: NoticePurpose; template: NoticeTemplate }[] = [];
  for (const purpose of purposes) {
    const template = settings.templates[purpose];
    if (!template || seen.has(template.id)) continue;
    seen.add(template.id);
    out.push({ purpose, template });
  }
  return out;
}

/**
 * When a notice made at `at` is pushed: at once inside the push window, otherwise when the window
 * next opens (an event at 21:30 goes out at 08:00 the next morning, one at 06:00 at 08:00 that day).
 */
export function pushTime(at: Millis, window: PushWindow): Millis {
  return nextContactTime(at, [{ days: 'any', from: window.from, to: window.to }]) ?? at;
}

/** The `data` of the subscription message for a notice, each value fitted to its keyword's rules. */
export function noticeData(template: NoticeTemplate, notice: Pick<Notice, 'title' | 'body' | 'ref' | 'createdAt'>): Record<string, { value: string }> {
  const source: Record<NoticeValue, string> = {
    title: notice.title,
    body: notice.body,
    ref: notice.ref ?? '-',
    time: formatCst(notice.createdAt, 'YYYY年M月D日 HH:mm'),
  };
  const data: Record<string, { value: string }> = {};
  for (const [keyword, from] of Object.entries(template.fields)) data[keyword] = { value: fitField(keyword, source[from]) };
  return data;
}

/** The key of a push's claim in the recipient's contact ledger (letters, digits and '-' only, as field names want). */
export function pushClaimKey(noticeId: string): string {
  return `notice-${noticeId.replace(/[^\w-]/g, '-')}`;
}

/** What the caller has left of each configured notice template of these purposes. */
export function noticeSubscriptionStates(
  settings: NotifySettings,
  purposes: readonly NoticePurpose[],
  creditsOf: (templateId: string) => number,
): { purpose: NoticePurpose; label: string; templateId: string; credits: number }[] {
  return purposeTemplates(settings, purposes).map(({ purpose, template }) => ({
    purpose,
    label: NOTICE_PURPOSE_LABELS[purpose],
    templateId: template.id,
    credits: creditsOf(template.id),
  }));
}
