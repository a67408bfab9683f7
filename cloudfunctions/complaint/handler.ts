import { ComplaintInputs } from '@shared/complaint/api';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, STAFF_ROLE_LABELS, STAFF_ROLES } from '@shared/complaint/categories';
import { OPEN_COMPLAINT_STATUSES } from '@shared/complaint/complaint';
import { staffNamed } from '@shared/complaint/intake';
import { byUrgency, mayReadComplaint, toComplaintSummary } from '@shared/complaint/view';
import { fail, ok } from '@shared/core/result';
import { DEPARTMENT_LABELS, hasRole } from '@shared/core/roles';
import { action, defineFunction } from '../_platform/define';
import { retryId } from '../_platform/retry';
import { openComplaint } from '../_usecases/complaints';
import { checkPhotos } from '../_usecases/photos';
import { loadComplaintRules } from '../_usecases/settings';
import { complaintNotFound } from './access';
import { complaintCommands } from './commands';
import { addInfo } from './info';
import { complaintView, projectNamesOf } from './load';

const projectMissing = () => fail('COMPLAINT.PROJECT_NOT_FOUND', '没有找到这套房屋，请重新选择', { projectId: '房屋不存在' });

const file = action({
  input: ComplaintInputs.file,
  roles: ['homeowner'],
  async run({ deps, store, user, now }, input) {
    const project = await store.projects.get(input.projectId);
    if (!project || project.homeownerId !== user._id) return projectMissing();
    const bad = await checkPhotos(deps.files, input.photos);
    if (bad) return bad;
    const complaint = await openComplaint(
      store,
      {
        homeownerId: user._id, projectId: project._id, category: input.category, description: input.description,
        photos: input.photos, channel: 'miniProgram', staff: staffNamed(project, input.staffRole), source: null,
        receivedBy: { id: user._id, role: 'homeowner' },
      },
      now,
      input.requestId && retryId(user._id, input.requestId),
    );
    return ok({ complaint: await complaintView(store, complaint, user, now) });
  },
});

const logPhone = action({
  input: ComplaintInputs.logPhone,
  roles: ['customerService'],
  async run({ deps, store, user, now }, input) {
    const project = await store.projects.get(input.projectId);
    if (!project) return projectMissing();
    const bad = await checkPhotos(deps.files, input.photos);
    if (bad) return bad;
    const description = input.callerSaid ? `${input.description}\n（客户原话）${input.callerSaid}` : input.description;
    const complaint = await openComplaint(
      store,
      {
        homeownerId: project.homeownerId, projectId: project._id, category: input.category, description,
        photos: input.photos, channel: 'phone', staff: staffNamed(project, input.staffRole), source: null,
        receivedBy: { id: user._id, role: 'customerService' },
      },
      now,
      input.requestId && retryId(user._id, input.requestId),
    );
    return ok({ complaint: await complaintView(store, complaint, user, now) });
  },
});

const mine = action({
  input: ComplaintInputs.mine,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const list = await store.complaints.find({ homeownerId: user._id }, { orderBy: [['receivedAt', 'desc']], limit: 100 });
    const names = await projectNamesOf(store, list);
    return ok({ complaints: list.map((c) => toComplaintSummary(c, names.get(c.projectId ?? '') ?? '', now)) });
  },
});

const get = action({
  input: ComplaintInputs.get,
  roles: ['homeowner', 'deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, input) {
    const c = await store.complaints.get(input.complaintId);
    if (!c || !mayReadComplaint(user, c)) return complaintNotFound();
    return ok({ complaint: await complaintView(store, c, user, now) });
  },
});

const queue = action({
  input: ComplaintInputs.queue,
  roles: ['deptManager', 'customerService', 'admin'],
  async run({ store, user, now }) {
    const open = { status: store.command.in([...OPEN_COMPLAINT_STATUSES]) };
    const everything = hasRole(user, 'admin', 'customerService');
    const list = await store.complaints.find(everything ? open : { ...open, department: user.department ?? '' }, { limit: 500 });
    list.sort(byUrgency(now));
    const names = await projectNamesOf(store, list);
    return ok({ complaints: list.map((c) => toComplaintSummary(c, names.get(c.projectId ?? '') ?? '', now)) });
  },
});

const categories = action({
  input: ComplaintInputs.categories,
  roles: ['homeowner', 'siteManager', 'deptManager', 'customerService', 'admin'],
  async run({ store }) {
    const rules = await loadComplaintRules(store);
    return ok({
      categories: COMPLAINT_CATEGORIES.map((id) => ({
        id, label: COMPLAINT_CATEGORY_LABELS[id], department: rules.routing[id], departmentLabel: DEPARTMENT_LABELS[rules.routing[id]],
      })),
      staffRoles: STAFF_ROLES.map((id) => ({ id, label: STAFF_ROLE_LABELS[id] })),
      replyWithinHours: rules.replyWithinHours,
    });
  },
});

export const complaintFunction = defineFunction('complaint', { file, logPhone, mine, get, queue, categories, addInfo, ...complaintCommands });
