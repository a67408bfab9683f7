import { DEPARTMENTS, type Department } from '../core/roles';

/** What a complaint is about (DOMAIN §6); each routes to a department by a table an admin can change. */
export const COMPLAINT_CATEGORIES = [
  'design',
  'constructionQuality',
  'safety',
  'schedule',
  'civilisedSite',
  'materials',
  'serviceAttitude',
  'privateCharges',
  'misconduct',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  design: '设计问题',
  constructionQuality: '施工质量',
  safety: '施工安全',
  schedule: '工期进度',
  civilisedSite: '文明施工（卫生、噪音、扰邻）',
  materials: '材料与产品',
  serviceAttitude: '服务态度',
  privateCharges: '私下收费',
  misconduct: '员工违规',
  other: '其他',
};

export const CHANNELS = ['miniProgram', 'phone', 'survey', 'repair'] as const;
export type ComplaintChannel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  miniProgram: '小程序',
  phone: '电话',
  survey: '回访问卷',
  repair: '报修',
};

/** Staff on a project a complaint can name (DOMAIN §1). */
export const STAFF_ROLES = ['designer', 'inspector', 'projectManager', 'worker'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  designer: '设计师',
  inspector: '监理/巡检',
  projectManager: '项目经理',
  worker: '施工人员',
};

export interface ComplaintRules {
  /** every complaint gets a reply within this many hours of reaching a level (001: 24 h) */
  replyWithinHours: number;
  /** the acknowledgement (受理函) promises the result of the handling within this many days (003 第十条) */
  resultWithinDays: number;
  /** the same homeowner and topic again within this many days is a repeat (004 §4.3) */
  repeatWindowDays: number;
  routing: Record<ComplaintCategory, Department>;
  /** the departments above the responsible one, lowest first: who reviews a rejected resolution */
  ladder: Department[];
}

export const DEFAULT_COMPLAINT_RULES: ComplaintRules = {
  replyWithinHours: 24,
  resultWithinDays: 7,
  repeatWindowDays: 30,
  routing: {
    design: 'design',
    constructionQuality: 'engineering',
    safety: 'engineering',
    schedule: 'engineering',
    civilisedSite: 'engineering',
    materials: 'materials',
    serviceAttitude: 'customerService',
    privateCharges: 'management',
    misconduct: 'management',
    other: 'customerService',
  },
  ladder: ['customerService', 'management'],
};

/** Admin overrides (the `settings/complaint` document) merged over the defaults, ignoring nonsense. */
export function complaintRulesWith(overrides: unknown): ComplaintRules {
  const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Record<string, unknown>;
  const positive = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const isDept = (v: unknown): v is Department => (DEPARTMENTS as readonly unknown[]).includes(v);
  const routing = { ...DEFAULT_COMPLAINT_RULES.routing };
  const given = (typeof o.routing === 'object' && o.routing !== null ? o.routing : {}) as Record<string, unknown>;
  for (const c of COMPLAINT_CATEGORIES) if (isDept(given[c])) routing[c] = given[c];
  const ladder = Array.isArray(o.ladder) && o.ladder.length > 0 && o.ladder.every(isDept) ? (o.ladder as Department[]) : DEFAULT_COMPLAINT_RULES.ladder;
  return {
    replyWithinHours: positive(o.replyWithinHours, DEFAULT_COMPLAINT_RULES.replyWithinHours),
    resultWithinDays: positive(o.resultWithinDays, DEFAULT_COMPLAINT_RULES.resultWithinDays),
    repeatWindowDays: positive(o.repeatWindowDays, DEFAULT_COMPLAINT_RULES.repeatWindowDays),
    routing,
    ladder,
  };
}

/**
 * The chain of departments a complaint climbs: the responsible department, then the ladder above it.
 * A department already in the chain is not repeated, and nothing below the responsible department
 * is used (a complaint routed to management starts and ends at management).
 */
export function escalationChain(responsible: Department, ladder: Department[]): Department[] {
  const at = ladder.indexOf(responsible);
  const above = at >= 0 ? ladder.slice(at + 1) : ladder;
  return [responsible, ...above.filter((d) => d !== responsible)];
}
