import { ComplaintInputs } from '@shared/complaint/api';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, STAFF_ROLE_LABELS, STAFF_ROLES } from '@shared/complaint/categories';
import { CLOSED_COMPLAINT_STATUSES, OPEN_COMPLAINT_STATUSES } from '@shared/complaint/complaint';
import { LIST_PAGE_SIZE, statusesOf } from '@shared/core/lists';
import type { Millis } from '@shared/core/time';
import type { DocData } from '../_platform/database';
import type { Stores } from '../_platform/stores';
import { staffNamed } from '@shared/complaint/intake';
import { byUrgency, mayReadComplaint } from '@shared/complaint/view';
import { normalizeRef } from '@shared/core/refs';
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
import { complaintView, summariesOf } from './load';

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
        photos: input.photos, channel: 'miniProgram', staff: staffNamed(project, input.staffRole), source: null, remedy: input.remedy,
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
        photos: input.photos, channel: 'phone', staff: staffNamed(project, input.staffRole), source: null, remedy: input.remedy,
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
    return ok({ complaints: await summariesOf(store, list, now) });
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

/** Open complaints: all of them, the most urgent first; closed ones (历史): newest first, a page at a time. */
async function listed(store: Stores, where: DocData, view: { closed: boolean; page: number }, now: Millis) {
  if (!view.closed) {
    const list = await store.complaints.find(where, { limit: 500 });
    list.sort(byUrgency(now));
    return ok({ complaints: await summariesOf(store, list, now), more: false });
  }
  const found = await store.complaints.find(where, { orderBy: [['receivedAt', 'desc']], skip: view.page * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE + 1 });
  return ok({ complaints: await summariesOf(store, found.slice(0, LIST_PAGE_SIZE), now), more: found.length > LIST_PAGE_SIZE });
}

const queue = action({
  input: ComplaintInputs.queue,
  roles: ['deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, view) {
    const status = { status: store.command.in(statusesOf(view, OPEN_COMPLAINT_STATUSES, CLOSED_COMPLAINT_STATUSES)) };
    const everything = hasRole(user, 'admin', 'customerService');
    return listed(store, everything ? status : { ...status, department: user.department ?? '' }, view, now);
  },
});

const assigned = action({
  input: ComplaintInputs.assigned,
  roles: ['deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, view) {
    return listed(store, { handlerId: user._id, status: store.command.in(statusesOf(view, OPEN_COMPLAINT_STATUSES, CLOSED_COMPLAINT_STATUSES)) }, view, now);
  },
});

const byRef = action({
  input: ComplaintInputs.byRef,
  roles: ['deptManager', 'customerService', 'admin'],
  async run({ store, user, now }, input) {
    const asked = normalizeRef(input.ref);
    if (!asked || asked.kind !== 'complaint') {
      return fail('REQUEST.INVALID', '投诉编号的格式是 TS-日期-序号，例如 TS-20261129-0003', { ref: '请核对投诉编号' });
    }
    // only complaints this person may read; anyone else's are simply not found
    const list = (await store.complaints.find({ ref: asked.ref }, { limit: 5 })).filter((c) => mayReadComplaint(user, c));
    return ok({ complaints: await summariesOf(store, list, now) });
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

export const complaintFunction = defineFunction('complaint', { file, logPhone, mine, get, queue, assigned, byRef, categories, addInfo, ...complaintCommands });
