import type { z } from 'zod/mini';
import { ComplaintInputs } from '@shared/complaint/api';
import type { Complaint } from '@shared/complaint/complaint';
import { applyComplaintCommand, COMPLAINT_COMMAND_ACTORS, type ComplaintCommand } from '@shared/complaint/lifecycle';
import { needsHandler } from '@shared/complaint/handler';
import { mayGive, mayReadComplaint } from '@shared/complaint/view';
import { CommonErrors } from '@shared/core/errors';
import { ok, type Result } from '@shared/core/result';
import { action, type Action, type ActionContext } from '../_platform/define';
import { complaintPromisedNotice, complaintProposalNotice, complaintRepliedNotice } from '@shared/notify/complaint';
import { handOver } from '../_usecases/complaints';
import { tellDepartment } from '../_usecases/complaintNotices';
import { syncFollowUpsSafely } from '../_usecases/followups';
import { notify } from '../_usecases/notify';
import { checkPhotos } from '../_usecases/photos';
import { loadComplaintRules } from '../_usecases/settings';
import { complaintNotFound } from './access';
import { complaintView } from './load';

/** One step of the complaint process on one complaint, inside a transaction. */
async function runCommand(ctx: ActionContext, complaintId: string, cmd: ComplaintCommand): Promise<Result<unknown>> {
  const { deps, store, user, now } = ctx;
  const rules = await loadComplaintRules(store);
  if (cmd.type === 'evidence') {
    const bad = await checkPhotos(deps.files, cmd.photos);
    if (bad) return bad;
  }
  let before: Complaint | null = null;
  const outcome = await store.transaction((tx) =>
    store.complaints.within(tx).modify(complaintId, (found): Result<Complaint> => {
      before = found;
      if (!found || !mayReadComplaint(user, found)) return complaintNotFound();
      if (!mayGive(user, found, cmd.type)) return CommonErrors.forbidden();
      const role = COMPLAINT_COMMAND_ACTORS[cmd.type] === 'homeowner' ? 'homeowner' : (user.roles.find((r) => r !== 'homeowner') ?? 'admin');
      return applyComplaintCommand(found, cmd, { id: user._id, role }, now, rules);
    }),
  );
  if (!outcome.ok) return outcome;
  let complaint = outcome.data;
  // re-routed, or up to a review: handed to a named person of the department that answers now
  const moved = before as Complaint | null;
  if (moved && needsHandler(moved, complaint)) complaint = await handOver(store, complaint, now);
  // the complaint is stored: plan the after-complaint follow-up (a failure is logged, never undoes the step)
  if (cmd.type === 'propose' && complaint.projectId) await syncFollowUpsSafely(store, deps.log, complaint.projectId, now);
  await tellAboutStep(ctx, cmd, complaint);
  return ok({ complaint: await complaintView(store, complaint, user, now) });
}

/** Who hears of a step: the homeowner of a reply, a promised time and a proposal; a department of a complaint that reached it. */
async function tellAboutStep({ deps, store, now }: ActionContext, cmd: ComplaintCommand, c: Complaint): Promise<void> {
  const draft =
    cmd.type === 'note' ? complaintRepliedNotice(c, cmd.text, now)
    : cmd.type === 'promise' ? complaintPromisedNotice(c, cmd.text)
    : cmd.type === 'propose' ? complaintProposalNotice(c)
    : null;
  if (draft) await notify(store, draft, now, deps);
  // forwarded, or climbed a level because the homeowner rejected the proposal (told once per level and department)
  if (cmd.type === 'forward' || cmd.type === 'reject') await tellDepartment(store, c, now, deps);
}

function commandAction<S extends z.ZodMiniType<{ complaintId: string }>>(input: S, toCommand: (i: z.infer<S>) => ComplaintCommand): Action<S> {
  return action({
    input,
    roles: ['homeowner', 'deptManager', 'customerService', 'admin'],
    run: (ctx, i) => runCommand(ctx, i.complaintId, toCommand(i)),
  });
}

export const complaintCommands = {
  note: commandAction(ComplaintInputs.note, (i) => ({ type: 'note', text: i.text })),
  promise: commandAction(ComplaintInputs.promise, (i) => ({ type: 'promise', replyAt: i.replyAt, text: i.text })),
  propose: commandAction(ComplaintInputs.propose, (i) => ({ type: 'propose', text: i.text })),
  forward: commandAction(ComplaintInputs.forward, (i) => ({ type: 'forward', department: i.department, reason: i.reason })),
  accept: commandAction(ComplaintInputs.accept, () => ({ type: 'accept' })),
  reject: commandAction(ComplaintInputs.reject, (i) => ({ type: 'reject', reason: i.reason })),
  evidence: commandAction(ComplaintInputs.evidence, (i) => ({ type: 'evidence', photos: i.photos, note: i.note })),
  finding: commandAction(ComplaintInputs.finding, (i) => ({ type: 'finding', text: i.text })),
  legal: commandAction(ComplaintInputs.legal, (i) => ({ type: 'legal', note: i.note })),
};
