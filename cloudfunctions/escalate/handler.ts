import { ok, fail } from '@shared/core/result';
import { needsHandler } from '@shared/complaint/handler';
import { escalateOverdueComplaint } from '@shared/complaint/lifecycle';
import { escalateOverdueEnquiry, type Enquiry } from '@shared/enquiry/enquiry';
import { enquiryOverdueNotice } from '@shared/notify/enquiry';
import { escalateOverdueRepair } from '@shared/repair/lifecycle';
import { repairOverdueNotice } from '@shared/notify/repair';
import type { RepairTicket } from '@shared/repair/ticket';
import type { Documents } from '../_platform/collection';
import type { Deps } from '../_platform/ports';
import { stores, type Stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { handOver } from '../_usecases/complaints';
import { tellOverdue } from '../_usecases/complaintNotices';
import { departmentManagers, notifyEach } from '../_usecases/notify';
import { loadComplaintRules } from '../_usecases/settings';
import { answersMissingComplaints, openSurveyComplaints } from '../_usecases/surveys';

/**
 * Work per run is bounded so a run ends well inside the function timeout (20 s in config.json): at
 * most MAX_PAGES pages of PAGE items per sweep, and no item started after the budget.
 */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;

export interface EscalationRun {
  complaints: number;
  repairs: number;
  /** enquiries and suggestions unanswered 24 hours, reported to the customer-service managers */
  enquiries: number;
  /** complaints opened for survey answers whose submission was cut off before opening them */
  recoveredComplaints: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

const NOT_DUE = fail('ESCALATE.NOT_DUE', '无需升级');

/**
 * The overdue timer: finds complaints, repair tickets and enquiries whose escalation is due (an
 * indexed range query on `escalateAt`, in pages) and escalates each once; then opens the complaints owed by survey
 * answers whose submission was cut off. Every item is re-read and changed in its own transaction, so
 * two runs at once, or a run killed half-way and run again, escalate nothing twice. One time budget
 * covers the four sweeps; what a run does not reach waits for the next.
 */
export function escalateTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<EscalationRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const rules = await loadComplaintRules(store);
    const complaints = await escalateDue(
      deps, store, store.complaints, run, now,
      (c) => escalateOverdueComplaint(c, now, rules),
      (c) => tellOverdue(store, c, now, deps),
      // one level up: handed to a named person of the reviewing department
      async (before, after) => {
        if (needsHandler(before, after)) await handOver(store, after, now);
      },
    );
    const repairs = await escalateDue(deps, store, store.repairs, run, now, (t) => escalateOverdueRepair(t, now), (t) => tellRepairOverdue(deps, store, t, now));
    const enquiries = await escalateDue(deps, store, store.enquiries, run, now, (e) => escalateOverdueEnquiry(e, now), (e) => tellEnquiryOverdue(deps, store, e, now));
    let recoveredComplaints = 0;
    const recovery = await sweep(run, (size) => answersMissingComplaints(store, now, size), async () => async (record) => {
      recoveredComplaints += (await openSurveyComplaints(store, record, now)).complaints.length;
      return true;
    });
    const outcome = {
      complaints: complaints.changed, repairs: repairs.changed, enquiries: enquiries.changed, recoveredComplaints,
      more: complaints.more || repairs.more || enquiries.more || recovery.more,
    };
    if (outcome.complaints || outcome.repairs || outcome.enquiries || recoveredComplaints) deps.log.info('escalated overdue items', { ...outcome });
    return outcome;
  };
}

/**
 * Items whose `escalateAt` has passed, each escalated in its own transaction (the rule says whether it
 * still is due). The people the escalation names are told first (`tell`, keyed by the missed
 * deadline): a run killed between telling and storing leaves the item due, and the next run tells
 * nobody twice and stores the escalation; a run that finds the item escalated meanwhile by another
 * run wrote the same notices under the same keys.
 */
function escalateDue<T extends { _id: string }>(
  deps: Deps,
  store: Stores,
  docs: Documents<T>,
  run: RunLimits,
  now: number,
  escalate: (doc: T) => T | null,
  tell: (doc: T) => Promise<void>,
  after?: (before: T, escalated: T) => Promise<void>,
) {
  return sweep(
    run,
    (size) => dueItems(docs.scan({ escalateAt: store.command.lt(now) }, { orderBy: [['escalateAt', 'asc']], limit: size }), deps.log),
    async () => async (candidate) => {
      const planned = escalate(candidate);
      if (!planned) return false;
      await tell(planned);
      let before: T | null = null;
      const outcome = await store.transaction((tx) =>
        docs.within(tx).modify(candidate._id, (current) => {
          before = current;
          const next = current ? escalate(current) : null;
          return next ? ok(next) : NOT_DUE;
        }),
      );
      const read = before as T | null;
      if (outcome.ok && after && read) await after(read, outcome.data);
      return outcome.ok;
    },
  );
}

/**
 * An overdue repair reaches the managers of its department, as its history says ("已通知部门经理"):
 * once per round and missed promise.
 */
async function tellRepairOverdue(deps: Deps, store: Stores, t: RepairTicket, now: number): Promise<void> {
  const [project, siteManager, managers] = await Promise.all([store.projects.get(t.projectId), store.users.get(t.siteManagerId), departmentManagers(store, t.department)]);
  const fresh = t.escalations.filter((e) => e.at === now && e.round === t.reopenCount).map((e) => (e.kind === 'contact' ? '联系业主' : '上门'));
  if (fresh.length === 0) return;
  const draft = repairOverdueNotice(t, project?.name ?? '', fresh.join('、'), siteManager?.name ?? '');
  await notifyEach(store, managers.map((m) => m._id), draft, now, deps);
}

/**
 * An enquiry, suggestion or service need still unanswered when its 24 hours are up reaches the
 * customer-service department's managers, once (the notice is keyed by the enquiry).
 */
async function tellEnquiryOverdue(deps: Deps, store: Stores, e: Enquiry, now: number): Promise<void> {
  const [homeowner, managers] = await Promise.all([store.users.get(e.homeownerId), departmentManagers(store, 'customerService')]);
  await notifyEach(store, managers.map((m) => m._id), enquiryOverdueNotice(e, homeowner?.name ?? ''), now, deps);
}
