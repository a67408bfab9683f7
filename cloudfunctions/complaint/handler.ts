import { createHash } from 'node:crypto';
import { ComplaintInputs } from '@shared/complaint/api';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@shared/complaint/categories';
import { OPEN_COMPLAINT_STATUSES, type Complaint, type StaffNamed } from '@shared/complaint/complaint';
import { mayReadComplaint, toComplaintSummary } from '@shared/complaint/view';
import { fail, ok } from '@shared/core/result';
import { DEPARTMENT_LABELS, hasRole } from '@shared/core/roles';
import type { Project } from '@shared/project/project';
import { loadComplaintRules, openComplaint } from '../_usecases/complaints';
import { action, defineFunction } from '../_platform/define';
import { checkPhotos } from '../_usecases/photos';
import { findById, findMany } from '../_platform/store';
import { complaintNotFound } from './access';
import { complaintCommands } from './commands';
import { complaintView, projectNamesOf } from './load';

/** The staff member a complaint is about, from the project's team. */
function staffOf(project: Project, role: StaffRole | undefined): StaffNamed | null {
  if (!role) return null;
  const named = role === 'worker' ? undefined : project.staff[role];
  return named ? { role, id: named.id, name: named.name } : { role, id: '', name: STAFF_ROLE_LABELS[role] };
}

/** The id a retried submission maps to: the same person and request id give the same complaint. */
function retryKey(openid: string, requestId: string | undefined): string | undefined {
  return requestId ? createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32) : undefined;
}

const projectMissing = () => fail('COMPLAINT.PROJECT_NOT_FOUND', '没有找到这套房屋，请重新选择', { projectId: '房屋不存在' });

const file = action({
  input: ComplaintInputs.file,
  roles: ['homeowner'],
  async run({ deps, user, now }, input) {
    const project = await findById<Project>(deps.db, 'projects', input.projectId);
    if (!project || project.homeownerId !== user._id) return projectMissing();
    const bad = await checkPhotos(deps.files, input.photos);
    if (bad) return bad;
    const id = retryKey(user._id, input.requestId);
    const complaint = await openComplaint(
      deps.db,
      {
        homeownerId: user._id, projectId: project._id, category: input.category, description: input.description,
        photos: input.photos, channel: 'miniProgram', staff: staffOf(project, input.staffRole), source: null,
        receivedBy: { id: user._id, role: 'homeowner' },
      },
      now,
      id,
    );
    return ok({ complaint: await complaintView(deps.db, complaint, user, now) });
  },
});

const logPhone = action({
  input: ComplaintInputs.logPhone,
  roles: ['customerService'],
  async run({ deps, user, now }, input) {
    const project = await findById<Project>(deps.db, 'projects', input.projectId);
    if (!project) return projectMissing();
    const bad = await checkPhotos(deps.files, input.photos);
    if (bad) return bad;
    const description = input.callerSaid ? `${input.description}\n（客户原话）${input.callerSaid}` : input.description;
    const complaint = await openComplaint(
      deps.db,
      {
        homeownerId: project.homeownerId, projectId: project._id, category: input.category, description,
        photos: input.photos, channel: 'phone', staff: staffOf(project, input.staffRole), source: null,
        receivedBy: { id: user._id, role: 'customerService' },
      },
      now,
      retryKey(user._id, input.requestId),
    );
    return ok({ complaint: await complaintView(deps.db, complaint, user, now) });
  },
});

const mine = action({
  input: ComplaintInputs.mine,
  roles: ['homeowner'],
  async run({ deps, user, now }) {
    const list = await findMany<Complaint>(deps.db.collection('complaints').where({ homeownerId: user._id }).orderBy('receivedAt', 'desc'), 100);
    const names = await projectNamesOf(deps.db, list);
    return ok({ complaints: list.map((c) => toComplaintSummary(c, names.get(c.projectId ?? '') ?? '', now)) });
  },
});

const get = action({
  input: ComplaintInputs.get,
  roles: ['homeowner', 'deptManager', 'customerService', 'admin'],
  async run({ deps, user, now }, input) {
    const c = await findById<Complaint>(deps.db, 'complaints', input.complaintId);
    if (!c || !mayReadComplaint(user, c)) return complaintNotFound();
    return ok({ complaint: await complaintView(deps.db, c, user, now) });
  },
});

const queue = action({
  input: ComplaintInputs.queue,
  roles: ['deptManager', 'customerService', 'admin'],
  async run({ deps, user, now }) {
    const _ = deps.db.command;
    const open = { status: _.in([...OPEN_COMPLAINT_STATUSES]) };
    const everything = hasRole(user, 'admin', 'customerService');
    const where = everything ? open : { ...open, department: user.department ?? '' };
    const list = await findMany<Complaint>(deps.db.collection('complaints').where(where), 500);
    list.sort(byUrgency(now));
    const names = await projectNamesOf(deps.db, list);
    return ok({ complaints: list.map((c) => toComplaintSummary(c, names.get(c.projectId ?? '') ?? '', now)) });
  },
});

/** Overdue first, then repeats and other high-priority ones, then the nearest deadline. */
function byUrgency(now: number) {
  const key = (c: Complaint) => [c.nextDeadlineAt !== null && c.nextDeadlineAt < now ? 0 : 1, c.priority === 'high' ? 0 : 1, c.nextDeadlineAt ?? Infinity];
  return (a: Complaint, b: Complaint) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || a.receivedAt - b.receivedAt;
  };
}

const categories = action({
  input: ComplaintInputs.categories,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ deps }) {
    const rules = await loadComplaintRules(deps.db);
    return ok({
      categories: COMPLAINT_CATEGORIES.map((id) => ({
        id, label: COMPLAINT_CATEGORY_LABELS[id], department: rules.routing[id], departmentLabel: DEPARTMENT_LABELS[rules.routing[id]],
      })),
      staffRoles: STAFF_ROLES.map((id) => ({ id, label: STAFF_ROLE_LABELS[id] })),
      replyWithinHours: rules.replyWithinHours,
    });
  },
});

export const complaintFunction = defineFunction('complaint', { file, logPhone, mine, get, queue, categories, ...complaintCommands });
