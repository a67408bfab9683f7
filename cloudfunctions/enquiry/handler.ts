import { CommonErrors } from '@shared/core/errors';
import { LIST_PAGE_SIZE } from '@shared/core/lists';
import { fail, ok } from '@shared/core/result';
import { hasRole } from '@shared/core/roles';
import { EnquiryInputs } from '@shared/enquiry/api';
import { answerEnquiry } from '@shared/enquiry/enquiry';
import { byReplyDue } from '@shared/enquiry/view';
import { action, defineFunction } from '../_platform/define';
import { retryId } from '../_platform/retry';
import { enquiryNotFound, mayRead, servesDesk } from './access';
import { enquiryView, summariesOf } from './load';
import { register, tellAbout } from './register';

const DESK = ['customerService', 'deptManager', 'admin'] as const;
/** The open requests at once: the desk answers within a day, so there are never many. */
const MAX_OPEN = 500;

const projectMissing = () => fail('ENQUIRY.PROJECT_NOT_FOUND', '没有找到这套房屋，请重新选择', { projectId: '房屋不存在' });

const submit = action({
  input: EnquiryInputs.submit,
  roles: ['homeowner'],
  async run({ deps, store, user, now }, input) {
    if (input.projectId) {
      const project = await store.projects.get(input.projectId);
      if (!project || project.homeownerId !== user._id) return projectMissing();
    }
    const e = await register(
      deps, store,
      { kind: input.kind, channel: 'app', homeownerId: user._id, projectId: input.projectId ?? null, text: input.text, loggedBy: null },
      null, now, input.requestId ? retryId(user._id, input.requestId) : null,
    );
    return ok({ enquiry: await enquiryView(store, e, user, now) });
  },
});

const log = action({
  input: EnquiryInputs.log,
  roles: DESK,
  async run({ deps, store, user, now }, input) {
    if (!servesDesk(user)) return CommonErrors.forbidden();
    const project = await store.projects.get(input.projectId);
    if (!project) return projectMissing();
    const e = await register(
      deps, store,
      { kind: input.kind, channel: 'phone', homeownerId: project.homeownerId, projectId: project._id, text: input.text, loggedBy: { id: user._id, name: user.name } },
      input.reply ? { text: input.reply, by: user._id, byName: user.name } : null,
      now, input.requestId ? retryId(user._id, input.requestId) : null,
    );
    return ok({ enquiry: await enquiryView(store, e, user, now) });
  },
});

const mine = action({
  input: EnquiryInputs.mine,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const list = await store.enquiries.find({ homeownerId: user._id }, { orderBy: [['receivedAt', 'desc']], limit: 100 });
    return ok({ enquiries: await summariesOf(store, list, user, now) });
  },
});

const get = action({
  input: EnquiryInputs.get,
  roles: ['homeowner', ...DESK],
  async run({ store, user, now }, input) {
    // a department manager of another department is refused; a homeowner reads only their own
    if (!hasRole(user, 'homeowner') && !servesDesk(user)) return CommonErrors.forbidden();
    const e = await store.enquiries.get(input.enquiryId);
    if (!e || !mayRead(user, e)) return enquiryNotFound();
    return ok({ enquiry: await enquiryView(store, e, user, now) });
  },
});

const queue = action({
  input: EnquiryInputs.queue,
  roles: DESK,
  async run({ store, user, now }, view) {
    if (!servesDesk(user)) return CommonErrors.forbidden();
    if (!view.closed) {
      const open = await store.enquiries.find({ status: 'open' }, { limit: MAX_OPEN });
      open.sort(byReplyDue(now));
      return ok({ enquiries: await summariesOf(store, open, user, now), more: false });
    }
    const found = await store.enquiries.find({ status: 'answered' }, { orderBy: [['receivedAt', 'desc']], skip: view.page * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE + 1 });
    return ok({ enquiries: await summariesOf(store, found.slice(0, LIST_PAGE_SIZE), user, now), more: found.length > LIST_PAGE_SIZE });
  },
});

const reply = action({
  input: EnquiryInputs.reply,
  roles: DESK,
  async run({ deps, store, user, now }, input) {
    if (!servesDesk(user)) return CommonErrors.forbidden();
    const outcome = await store.transaction((tx) =>
      store.enquiries.within(tx).modify(input.enquiryId, (found) => (found ? answerEnquiry(found, { text: input.text, by: user._id, byName: user.name }, now) : enquiryNotFound())),
    );
    if (!outcome.ok) return outcome;
    await tellAbout(deps, store, outcome.data, now);
    return ok({ enquiry: await enquiryView(store, outcome.data, user, now) });
  },
});

export const enquiryFunction = defineFunction('enquiry', { submit, log, mine, get, queue, reply });
