import { DEFAULT_COMPLAINT_RULES } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { newComplaint } from '@shared/complaint/intake';
import { formatRef } from '@shared/core/refs';
import type { ConsentEntry } from '@shared/consent/ledger';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import type { User } from '@shared/core/roles';
import { cstDate, DAY, HOUR, type Millis } from '@shared/core/time';
import type { Project } from '@shared/project/project';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { applyRepairCommand } from '@shared/repair/lifecycle';
import type { RepairTicket } from '@shared/repair/ticket';
import { checked, type Database } from '../cloudfunctions/_platform/database';
import { acknowledge } from '../cloudfunctions/_usecases/complaints';
import { syncFollowUps } from '../cloudfunctions/_usecases/followups';
import { stores } from '../cloudfunctions/_platform/stores';
import type { UploadOutcome } from './files';

/** The demo people, each with a fixed openid (the README lists them). */
export const PERSONAS: (User & { description: string })[] = [
  { _id: 'demo-homeowner-li', name: '李女士', phone: '13800138001', roles: ['homeowner'], description: '业主：翠湖花园 3-1201，正在施工' },
  { _id: 'demo-homeowner-wang', name: '王先生', phone: '13800138002', roles: ['homeowner'], description: '业主：滨江壹号 8-601，已竣工，在保修期' },
  { _id: 'demo-homeowner-zhao', name: '赵女士', phone: '13800138003', roles: ['homeowner'], description: '业主：金色家园 5-302，刚签合同' },
  { _id: 'demo-sm-zhang', name: '张建国', phone: '13900139001', roles: ['siteManager'], department: 'engineering', description: '项目经理：翠湖花园、滨江壹号' },
  { _id: 'demo-sm-chen', name: '陈立新', phone: '13900139002', roles: ['siteManager'], department: 'engineering', description: '项目经理：金色家园' },
  { _id: 'demo-dm-engineering', name: '刘经理', phone: '13700137001', roles: ['deptManager'], department: 'engineering', description: '工程部经理：看超时的报修单' },
  { _id: 'demo-dm-design', name: '何经理', phone: '13700137004', roles: ['deptManager'], department: 'design', description: '设计部经理：处理设计类投诉' },
  { _id: 'demo-dm-materials', name: '冯经理', phone: '13700137007', roles: ['deptManager'], department: 'materials', description: '材料部经理：处理材料与产品投诉' },
  { _id: 'demo-gm-sun', name: '孙总', phone: '13700137006', roles: ['deptManager'], department: 'management', description: '总经理：私下收费、员工违规投诉，及最后一级复审' },
  { _id: 'demo-cs-xu', name: '徐客服', phone: '13700137002', roles: ['customerService'], department: 'customerService', description: '客服：电话回访、登记投诉' },
  { _id: 'demo-admin', name: '周行政', phone: '13700137003', roles: ['admin'], description: '管理员：配置规则、导入项目' },
  { _id: 'demo-admin-qian', name: '钱主任', phone: '13700137010', roles: ['admin'], description: '管理员：审批另一位管理员创建的营销活动' },
];

function projects(now: Millis): Project[] {
  const day = (n: number) => cstDate(now - n * DAY);
  const staff = {
    designer: { id: 'staff-designer-sun', name: '孙设计师' },
    inspector: { id: 'staff-inspector-wu', name: '吴监理' },
    projectManager: { id: 'demo-sm-zhang', name: '张建国' },
  };
  return [
    {
      _id: 'demo-project-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室',
      homeownerId: 'demo-homeowner-li', siteManagerId: 'demo-sm-zhang', department: 'engineering', staff,
      milestones: { depositPaid: day(60), contractSigned: day(40), started: day(12), plannedCompletion: day(-80) },
      createdAt: now - 60 * DAY,
    },
    {
      _id: 'demo-project-binjiang', name: '滨江壹号 8-601', address: '杭州市滨江区滨江壹号 8 幢 601 室',
      homeownerId: 'demo-homeowner-wang', siteManagerId: 'demo-sm-zhang', department: 'engineering', staff,
      milestones: {
        depositPaid: day(330), contractSigned: day(320), started: day(300), concealedWorksDone: day(270),
        midPayment: day(240), plannedCompletion: day(205), completed: day(200), finalPayment: day(198),
        warrantyRegistered: day(198), feedbackFormReceived: day(195),
      },
      createdAt: now - 330 * DAY,
    },
    {
      _id: 'demo-project-jinse', name: '金色家园 5-302', address: '杭州市拱墅区金色家园 5 幢 302 室',
      homeownerId: 'demo-homeowner-zhao', siteManagerId: 'demo-sm-chen', department: 'engineering',
      staff: { ...staff, projectManager: { id: 'demo-sm-chen', name: '陈立新' } },
      milestones: { depositPaid: day(20), contractSigned: day(5) },
      createdAt: now - 20 * DAY,
    },
  ];
}

/**
 * The photo the closed demo repair was resolved with (a repair is resolved only with a photo, DOMAIN §5):
 * a small grey PNG, stored through the host's file storage like any upload.
 */
export const DEMO_RESOLUTION_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOsrKxkIAUwkaR6VMPwAQBrrAGRfnK5aQAAAABJRU5ErkJggg==',
  'base64',
);

/** Two tickets: an electrical one filed 30 hours ago and still waiting (past both promises), one closed. */
function repairs(now: Millis, photo: string): RepairTicket[] {
  const rules = DEFAULT_REPAIR_RULES;
  const project = projects(now)[1];
  const late = newRepairTicket(
    { category: 'electrical', description: '卫生间插座一插电吹风就跳闸，整屋断电', photos: [], preferredVisit: { date: cstDate(now - 30 * HOUR), slot: 'morning' } },
    project, now - 30 * HOUR, rules,
  );
  let done: RepairTicket = {
    _id: 'demo-repair-closed',
    ...newRepairTicket(
      { category: 'painting', description: '客厅背景墙乳胶漆有两处开裂，长约 20 厘米', photos: [], preferredVisit: { date: cstDate(now - 9 * DAY), slot: 'afternoon' } },
      project, now - 10 * DAY, rules,
    ),
  };
  const steps: [Parameters<typeof applyRepairCommand>[1], string, 'siteManager' | 'homeowner', number][] = [
    [{ type: 'accept' }, 'demo-sm-zhang', 'siteManager', 10 * DAY - HOUR],
    [{ type: 'schedule', visitAt: now - 9 * DAY + 5 * HOUR }, 'demo-sm-zhang', 'siteManager', 10 * DAY - 2 * HOUR],
    [{ type: 'arrive' }, 'demo-sm-zhang', 'siteManager', 9 * DAY - 5 * HOUR],
    [{ type: 'resolve', note: '裂缝处开 V 槽，挂网后重新批腻子、刷漆', photos: [photo] }, 'demo-sm-zhang', 'siteManager', 9 * DAY - 8 * HOUR],
    [{ type: 'confirm' }, 'demo-homeowner-wang', 'homeowner', 8 * DAY],
  ];
  for (const [cmd, id, role, ago] of steps) {
    const next = applyRepairCommand(done, cmd, { id, role }, now - ago, rules);
    if (!next.ok) throw new Error(`demo repair: ${cmd.type} refused (${next.code})`);
    done = next.data;
  }
  // the first ticket of each day: the counters below carry on from these numbers
  return [
    { _id: 'demo-repair-late', ...late, ref: formatRef('repair', late.createdAt, 1) },
    { ...done, ref: formatRef('repair', done.createdAt, 1) },
  ];
}

/** One complaint waiting for the engineering department: dust and noise on site, filed 3 hours ago. */
function complaints(now: Millis): Complaint[] {
  const c = newComplaint(
    {
      homeownerId: 'demo-homeowner-li', projectId: 'demo-project-cuihu', category: 'civilisedSite',
      description: '楼道里堆满了建筑垃圾，邻居已经来敲门投诉了，工人中午还在电钻施工', photos: [], channel: 'miniProgram',
      staff: { role: 'projectManager', id: 'demo-sm-zhang', name: '张建国' }, source: null,
      remedy: '当天清走垃圾，午休时间（12:00-14:00）不要用电钻',
      receivedBy: { id: 'demo-homeowner-li', role: 'homeowner' },
    },
    null, now - 3 * HOUR, DEFAULT_COMPLAINT_RULES,
  );
  // handled by the engineering manager, the first complaint of its day
  return [{ _id: 'demo-complaint-site', ...c, ref: formatRef('complaint', c.receivedAt, 1), handlerId: 'demo-dm-engineering' }];
}

/**
 * 王先生's consent ledger: he agreed to marketing by WeChat message in the mini-program 30 days ago, and
 * told customer service on the phone 10 days ago that he does not want marketing calls.
 */
function consentLedger(now: Millis): ConsentEntry[] {
  const base = { homeownerId: 'demo-homeowner-wang', noticeVersion: PRIVACY_NOTICE_VERSION, subject: 'consent', purpose: 'marketing' } as const;
  return [
    { ...base, _id: 'demo-homeowner-wang:seq-1', seq: 1, channel: 'subscription', decision: 'granted', at: now - 30 * DAY, how: 'tap', recordedBy: null },
    { ...base, _id: 'demo-homeowner-wang:seq-2', seq: 2, channel: 'phone', decision: 'withdrawn', at: now - 10 * DAY, how: 'phone', recordedBy: { id: 'demo-cs-xu', name: '徐客服' } },
  ];
}

/**
 * `settings/followup` with template ids made up for the local product: the outbox takes any id, so
 * follow-ups go out as messages locally. In CloudBase these come from the mini-program's 订阅消息 console.
 */
const DEMO_FOLLOW_UP_SETTINGS = {
  templates: {
    stageVisit: { id: 'demo-tmpl-stage-visit', fields: { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' } },
    warrantyVisit: { id: 'demo-tmpl-warranty-visit', fields: { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' } },
    serviceVisit: { id: 'demo-tmpl-service-visit', fields: { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' } },
  },
  hotline: '400-820-1234',
  deskHours: '24 小时服务',
  companyName: '匠心家装',
};

/**
 * `settings/notify`: made-up template ids for the pushes of notices, so they reach the outbox locally
 * once someone accepts the template in the stand-in dialog. In CloudBase they come from the 订阅消息 console.
 */
const NOTICE_FIELDS = { thing1: 'title', thing2: 'body', time3: 'time' };
const DEMO_NOTIFY_SETTINGS = {
  templates: {
    repairProgress: { id: 'demo-tmpl-repair-progress', fields: NOTICE_FIELDS },
    complaintProgress: { id: 'demo-tmpl-complaint-progress', fields: NOTICE_FIELDS },
    staffWork: { id: 'demo-tmpl-staff-work', fields: NOTICE_FIELDS },
  },
};

/**
 * `settings/campaign`: a made-up marketing template, so campaigns on 微信消息 reach the outbox locally
 * for homeowners who agreed to marketing messages and accepted it. In CloudBase: the 订阅消息 console.
 */
const DEMO_CAMPAIGN_SETTINGS = { template: { id: 'demo-tmpl-marketing', fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } } };

/** Loads the demo data once: on a database that has no users yet; then plans each project's follow-ups. */
export async function seedDemoData(db: Database, now: Millis, files: { save(bytes: Buffer): UploadOutcome }): Promise<boolean> {
  const existing = checked(await db.collection('users').count());
  if (existing.total > 0) return false;
  const photo = files.save(DEMO_RESOLUTION_PNG);
  if (!photo.ok) throw new Error(`demo photo: ${photo.message}`);
  for (const { description: _d, _id, ...user } of PERSONAS) checked(await db.collection('users').doc(_id).set(user));
  for (const { _id, ...p } of projects(now)) checked(await db.collection('projects').doc(_id).set(p));
  for (const { _id, ...t } of repairs(now, photo.fileId)) checked(await db.collection('repairs').doc(_id).set(t));
  for (const { _id, ...c } of complaints(now)) checked(await db.collection('complaints').doc(_id).set(c));
  // each reference the demo gave out is counted, so the next one of that day follows it
  const refs = [...repairs(now, photo.fileId).map((t) => t.ref), ...complaints(now).map((c) => c.ref)].filter((r): r is string => r !== null);
  for (const ref of refs) {
    const counter = ref.slice(0, ref.lastIndexOf('-'));
    checked(await db.collection('counters').doc(counter).set({ last: Number(ref.slice(ref.lastIndexOf('-') + 1)), updatedAt: now }));
  }
  checked(await db.collection('settings').doc('followup').set(DEMO_FOLLOW_UP_SETTINGS));
  checked(await db.collection('settings').doc('notify').set(DEMO_NOTIFY_SETTINGS));
  checked(await db.collection('settings').doc('campaign').set(DEMO_CAMPAIGN_SETTINGS));
  const ledger = consentLedger(now);
  for (const { _id, ...e } of ledger) checked(await db.collection('consentLedger').doc(_id).set(e));
  checked(await db.collection('consents').doc('demo-homeowner-wang').set({ seq: ledger.length, updatedAt: now - 10 * DAY }));
  for (const p of projects(now)) await syncFollowUps(stores(db), p._id, now);
  // the demo complaint was acknowledged like any other: its notices are in the 消息 lists
  for (const c of complaints(now)) await acknowledge(stores(db), c);
  return true;
}
