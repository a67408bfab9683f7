import type { z } from 'zod';
import { ComplaintInputs } from '@shared/complaint/api';
import type { Complaint } from '@shared/complaint/complaint';
import { applyComplaintCommand, COMPLAINT_COMMAND_ACTORS, type ComplaintCommand } from '@shared/complaint/lifecycle';
import { mayGive, mayReadComplaint } from '@shared/complaint/view';
import { CommonErrors } from '@shared/core/errors';
import { ok, type Result } from '@shared/core/result';
import { loadComplaintRules } from '../_usecases/complaints';
import { action, type Action, type ActionContext } from '../_platform/define';
import { syncFollowUpsSafely } from '../_usecases/followups';
import { withoutId } from '../_platform/store';
import { complaintNotFound } from './access';
import { complaintView } from './load';

/** One step of the complaint process on one complaint, inside a transaction. */
async function runCommand(ctx: ActionContext, complaintId: string, cmd: ComplaintCommand): Promise<Result<unknown>> {
  const { deps, user, now } = ctx;
  const rules = await loadComplaintRules(deps.db);
  const outcome = await deps.db.runTransaction(async (tx): Promise<Result<Complaint>> => {
    const ref = tx.collection('complaints').doc(complaintId);
    const found = (await ref.get()).data as unknown as Complaint | null;
    if (!found || !mayReadComplaint(user, found)) return complaintNotFound();
    if (!mayGive(user, found, cmd.type)) return CommonErrors.forbidden();
    const role = COMPLAINT_COMMAND_ACTORS[cmd.type] === 'homeowner' ? 'homeowner' : (user.roles.find((r) => r !== 'homeowner') ?? 'admin');
    const next = applyComplaintCommand(found, cmd, { id: user._id, role }, now, rules);
    if (next.ok) await ref.set(withoutId(next.data));
    return next;
  });
  if (!outcome.ok) return outcome;
  // the complaint is stored: plan the after-complaint follow-up (a failure is logged, never undoes the step)
  if (cmd.type === 'propose' && outcome.data.projectId) await syncFollowUpsSafely(deps, outcome.data.projectId, now);
  return ok({ complaint: await complaintView(deps.db, outcome.data, user, now) });
}

function commandAction<S extends z.ZodType<{ complaintId: string }>>(input: S, toCommand: (i: z.infer<S>) => ComplaintCommand): Action<S> {
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
};
