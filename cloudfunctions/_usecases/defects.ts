import { hasRole } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { ok } from '@shared/core/result';
import { REPAIR_CATEGORY_LABELS } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import type { RepairTicket } from '@shared/repair/ticket';
import { defectRequest, defectsIn } from '@shared/survey/answers';
import type { OpenedRepair, SurveyAnswerRecord } from '@shared/survey/api';
import type { Survey } from '@shared/survey/catalogue';
import type { Stores } from '../_platform/stores';
import { notify } from './notify';
import { loadRepairRules } from './settings';

/** The repair a follow-up's defect answer opens: one per follow-up and question, whatever retries. */
export const defectRepairId = (followUpId: string, questionId: string) => `${followUpId}-repair-${questionId}`;

/**
 * A construction defect reported in a follow-up is a repair (DOMAIN §11, seed 001 §十一.6): a ticket for the
 * project's site manager with the category's deadlines from the moment the homeowner answered (contact
 * within 24 h, on site within 24 h, water and electrics 4 h), escalated like any other, and tracked by
 * customer service. The site manager and the department's managers are told. Safe to run again.
 */
export async function openDefectRepairs(store: Stores, survey: Pick<Survey, 'title' | 'sections'>, record: SurveyAnswerRecord): Promise<RepairTicket[]> {
  const defects = defectsIn(survey, record.answers);
  if (defects.length === 0) return [];
  const project = await store.projects.get(record.projectId);
  if (!project) return [];
  const rules = await loadRepairRules(store);
  const opened: RepairTicket[] = [];
  for (const d of defects) {
    const id = defectRepairId(record.followUpId, d.question.id);
    const source = { kind: record.channel === 'phone' ? ('phone' as const) : ('survey' as const), followUpId: record.followUpId, questionId: d.question.id, loggedBy: record.channel === 'phone' ? record.by : null };
    const ticket = newRepairTicket({ ...defectRequest(survey, record.answers, d), photos: [], preferredVisit: null, source }, project, record.at, rules);
    const stored = await store.transaction((tx) => store.repairs.within(tx).modify(id, (found) => ok(found ?? { ...ticket, _id: id })));
    if (!stored.ok) continue;
    await tellStaff(store, stored.data, record.at);
    opened.push(stored.data);
  }
  return opened;
}

async function tellStaff(store: Stores, t: RepairTicket, now: Millis): Promise<void> {
  const staff = await store.users.find({ department: t.department }, { limit: 100 });
  const managers = staff.filter((u) => hasRole(u, 'deptManager')).map((u) => u._id);
  const draft = {
    kind: 'repair.assigned' as const,
    title: `回访发现需要维修：${REPAIR_CATEGORY_LABELS[t.category]}`.slice(0, 40),
    body: t.description.slice(0, 200),
    page: `/staff/ticket/index?id=${t._id}`,
  };
  await notify(store, { ...draft, key: `repair.assigned:${t._id}`, to: t.siteManagerId }, now);
  for (const m of managers) await notify(store, { ...draft, key: `repair.defect:${t._id}:${m}`, to: m }, now);
}

export function toOpenedRepair(t: RepairTicket, onSiteHours: number, contactHours: number): OpenedRepair {
  return { id: t._id, category: t.category, categoryLabel: REPAIR_CATEGORY_LABELS[t.category], onSiteHours, contactHours };
}
