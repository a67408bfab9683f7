import type { z } from 'zod/mini';
import { fail, ok, type Failure, type Result } from '@shared/core/result';
import type { Role } from '@shared/core/roles';
import { RepairInputs } from '@shared/repair/api';
import { applyRepairCommand, COMMAND_ACTORS, type RepairCommand } from '@shared/repair/lifecycle';
import type { RepairTicket } from '@shared/repair/ticket';
import { action, type Action, type ActionContext } from '../_platform/define';
import { mayReadRepair } from '@shared/repair/view';
import { checkPhotos } from '../_usecases/photos';
import { loadRepairRules } from '../_usecases/settings';
import { openComplaint } from '../_usecases/complaints';
import { syncFollowUpsSafely } from '../_usecases/followups';
import { notify } from '../_usecases/notify';
import { REPAIR_CATEGORY_LABELS } from '@shared/repair/categories';
import { notFound } from './access';
import { afterRating } from './rating';
import { sameRating } from '@shared/repair/rating';
import { tellAboutStep } from './notices';
import { viewOf } from './load';

/**
 * Applies one lifecycle command to one ticket inside a transaction: only the ticket's own site manager
 * works it, only its own homeowner confirms, reopens and rates it.
 */
async function runCommand(ctx: ActionContext, ticketId: string, cmd: RepairCommand): Promise<Result<unknown>> {
  const { deps, store, user, now } = ctx;
  const role: Role = COMMAND_ACTORS[cmd.type];
  if (cmd.type === 'resolve' || cmd.type === 'addInfo') {
    const bad = await checkPhotos(deps.files, cmd.photos);
    if (bad) return bad;
  }
  const rules = await loadRepairRules(store);
  const outcome = await store.transaction((tx) =>
    store.repairs.within(tx).modify(ticketId, (found): Result<RepairTicket> => {
      if (!found) return notFound();
      const owner = role === 'siteManager' ? found.siteManagerId : found.homeownerId;
      if (owner !== user._id) return mayReadRepair(user, found) ? notYours(role) : notFound();
      // a rating sent again after a lost answer changes nothing, and finishes what the first one set off
      if (cmd.type === 'rate' && found.rating && sameRating(found.rating, cmd.rating)) return ok(found);
      return applyRepairCommand(found, cmd, { id: user._id, role }, now, rules);
    }),
  );
  if (!outcome.ok) return outcome;
  // the ticket is stored: plan the after-repair follow-up, or hold it back while the repair is reopened
  // (a failure is logged and never undoes the step)
  if (cmd.type === 'resolve' || cmd.type === 'reopen') await syncFollowUpsSafely(store, deps.log, outcome.data.projectId, now);
  if (cmd.type === 'reopen' && outcome.data.reopenCount >= REOPENS_BEFORE_COMPLAINT) await complainAboutRepeatedRepair(ctx, outcome.data);
  if (cmd.type === 'rate' && outcome.data.rating) await afterRating(store, outcome.data, outcome.data.rating, now);
  if (cmd.type === 'cancel' || cmd.type === 'addInfo') await tellOfHomeownerStep(ctx, outcome.data);
  await tellAboutStep(ctx, cmd.type, outcome.data);
  return ok({ ticket: await viewOf(store, outcome.data, user, now, rules) });
}

/** A repair reopened twice has not been fixed: it becomes a complaint about construction quality. */
const REOPENS_BEFORE_COMPLAINT = 2;

async function complainAboutRepeatedRepair({ store, now }: ActionContext, t: RepairTicket): Promise<void> {
  const project = await store.projects.get(t.projectId);
  const manager = project?.staff.projectManager;
  await openComplaint(
    store,
    {
      homeownerId: t.homeownerId,
      projectId: t.projectId,
      category: 'constructionQuality',
      description: `报修单第 ${t.reopenCount} 次被业主重新报修，问题仍未解决：${t.description}`,
      photos: t.photos,
      channel: 'repair',
      staff: manager ? { role: 'projectManager', id: manager.id, name: manager.name } : null,
      source: { kind: 'repair', id: t._id },
      receivedBy: { id: 'system', role: 'system' },
    },
    now,
    `repair-${t._id}`,
  );
}

/** The site manager hears of what the homeowner did to a ticket of theirs: keyed by the history entry, told once. */
async function tellOfHomeownerStep({ deps, store, user, now }: ActionContext, t: RepairTicket): Promise<void> {
  const last = t.history[t.history.length - 1];
  const cancelled = last.type === 'cancel';
  await notify(
    store,
    {
      key: `repair.${cancelled ? 'cancelled' : 'info'}:${t._id}:${t.history.length - 1}`,
      to: t.siteManagerId,
      kind: cancelled ? 'repair.cancelled' : 'repair.info',
      title: cancelled ? `${user.name}取消了报修` : `${user.name}补充了报修信息`,
      body: `${REPAIR_CATEGORY_LABELS[t.category]}：${last.note ?? t.description}${last.photos ? `（附 ${last.photos.length} 张照片）` : ''}`.slice(0, 200),
      page: `/staff/ticket/index?id=${t._id}`,
    },
    now,
    deps,
  );
}

function notYours(role: Role): Failure {
  return role === 'siteManager'
    ? fail('AUTH.FORBIDDEN', '这张报修单不是派给您的，只有负责的项目经理可以处理')
    : fail('AUTH.FORBIDDEN', '只有报修的业主本人可以进行此操作');
}

function commandAction<S extends z.ZodMiniType<{ ticketId: string }>>(
  type: RepairCommand['type'],
  input: S,
  toCommand: (input: z.infer<S>) => RepairCommand,
): Action<S> {
  return action({ input, roles: [COMMAND_ACTORS[type]], run: (ctx, i) => runCommand(ctx, i.ticketId, toCommand(i)) });
}

export const commandActions = {
  accept: commandAction('accept', RepairInputs.accept, () => ({ type: 'accept' })),
  schedule: commandAction('schedule', RepairInputs.schedule, (i) => ({ type: 'schedule', visitAt: i.visitAt })),
  arrive: commandAction('arrive', RepairInputs.arrive, () => ({ type: 'arrive' })),
  resolve: commandAction('resolve', RepairInputs.resolve, (i) => ({ type: 'resolve', note: i.note, photos: i.photos })),
  confirm: commandAction('confirm', RepairInputs.confirm, () => ({ type: 'confirm' })),
  reopen: commandAction('reopen', RepairInputs.reopen, (i) => ({ type: 'reopen', reason: i.reason })),
  rate: commandAction('rate', RepairInputs.rate, ({ ticketId: _id, ...rating }) => ({ type: 'rate', rating })),
  cancel: commandAction('cancel', RepairInputs.cancel, (i) => ({ type: 'cancel', reason: i.reason })),
  addInfo: commandAction('addInfo', RepairInputs.addInfo, (i) => ({ type: 'addInfo', text: i.text, photos: i.photos })),
};
