import { cst, type Millis } from '../core/time';
import type { User } from '../core/roles';
import type { Project } from '../project/project';
import type { SiteVisit } from '../project/visit';

/** What an anonymised homeowner is called wherever their name used to show. */
export const ANONYMOUS_NAME = '已匿名业主';

/** The personal fields that anonymisation erases (PIPL art. 47), as the homeowner is told. */
export const ERASED_FIELDS = ['姓名', '手机号', '房屋地址和门牌', '希望被联系的时间', '报修、投诉和咨询建议里写的手机号', '上门回访时您的签名（签名图片一并删除）', '上门回访记录里的手机号'] as const;

/** What is kept after anonymisation, and why (PIPL art. 47: where the law requires keeping it; art. 50: say why). */
export const KEPT_RECORDS: { what: string; why: string }[] = [
  { what: '合同和付款节点（订金、开工、竣工、交款等日期）', why: '属于会计和合同档案，法律要求保存；匿名化后不再对应到您本人' },
  { what: '报修、投诉、咨询建议的处理过程和回访问卷的回答', why: '质量保修和投诉处理的记录，需要保存以备主管部门核查；其中的姓名、手机号已删除' },
  { what: '工地现场照片和上门回访的记录', why: '施工期间和竣工后的工地照片属于工程质量档案；您的签名已删除，记录不再对应到您本人' },
  { what: '您对营销消息的同意和撤回记录', why: '证明我们只在您同意时发送营销信息；删除后我们不会再向您营销' },
  { what: '员工查看您信息的记录（审计记录）', why: '用于追查员工是否越权查看，任何人都不能修改' },
];

/** 138-0013-8001 and 13800138001 alike. */
const PHONE_IN_TEXT = /1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}/g;

/** Free text with any mobile number in it masked. */
export function withoutPhones(text: string): string {
  return text.replace(PHONE_IN_TEXT, '***********');
}

export function isAnonymised(user: Pick<User, 'anonymisedAt'>): boolean {
  return typeof user.anonymisedAt === 'number';
}

/** The homeowner with name, phone and contact times erased; the account itself stays, so warranty service still finds its projects. */
export function anonymisedUser(user: User, now: Millis): User {
  if (isAnonymised(user)) return user;
  return { ...user, name: ANONYMOUS_NAME, phone: '', contactWindows: null, anonymisedAt: now };
}

/** The project without its address and door number; milestones, department and staff stay (business records). */
export function anonymisedProject(project: Project, now: Millis): Project {
  if (typeof project.anonymisedAt === 'number') return project;
  return { ...project, name: `已匿名项目 ${project._id.replace(/[^0-9a-zA-Z]/g, '').slice(-6).toUpperCase()}`, address: '', anonymisedAt: now };
}

/**
 * A site record without the homeowner's signature (the image itself is deleted by the caller) and with
 * phone numbers in what they said masked; the site photos stay (the construction's quality record).
 */
export function anonymisedSiteVisit(visit: SiteVisit, now: Millis): SiteVisit {
  if (typeof visit.anonymisedAt === 'number') return visit;
  return { ...visit, signature: null, note: withoutPhones(visit.note), anonymisedAt: now };
}

/**
 * The CST date before which a completion puts a project past retention: completed + warranty horizon
 * + the retention period. A project completed on that date or later is still kept.
 */
export function retentionCutoff(now: Millis, warrantyHorizonYears: number, retentionDaysAfterWarranty: number): string {
  return cst(now).subtract(retentionDaysAfterWarranty, 'day').subtract(warrantyHorizonYears, 'year').format('YYYY-MM-DD');
}

/** Whether a project's personal data is past retention at `now`. */
export function pastRetention(project: Pick<Project, 'milestones'>, cutoff: string): boolean {
  const completed = project.milestones.completed;
  return completed !== undefined && completed < cutoff;
}
