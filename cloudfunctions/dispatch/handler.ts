import { OPEN_COMPLAINT_STATUSES, type Complaint } from '@shared/complaint/complaint';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { FollowUpSettings } from '@shared/followup/config';
import { nextContactTime, type ContactWindow } from '@shared/followup/contact';
import { claimOf, creditsLeft, sentOn, spendCredit, zeroCredits, type ContactLedger, type SendClaim } from '@shared/followup/credits';
import {
  claimedFollowUp,
  decideDispatch,
  decidedFollowUp,
  hasOpenIssue,
  messageSource,
  phoneTaskFollowUp,
  sentFollowUp,
  surveyPage,
  windowsFor,
  type DispatchDecision,
} from '@shared/followup/dispatch';
import type { FollowUp } from '@shared/followup/followup';
import { checkTemplateData, templateData, type TemplateConfig } from '@shared/followup/templates';
import type { Project } from '@shared/project/project';
import { OPEN_REPAIR_STATUSES, type RepairTicket } from '@shared/repair/ticket';
import { MAX_PAGE } from '../_platform/database';
import type { Deps, SendOutcome } from '../_platform/ports';
import { stores, type Stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { changeContactLedger } from '../_usecases/contacts';
import { loadFollowUpSettings } from '../_usecases/settings';

/**
 * Work per run is bounded so a run ends well inside the function timeout (20 s in config.json): at
 * most MAX_PAGES pages of PAGE follow-ups, and no follow-up started after BUDGET_MS.
 */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;
/** WeChat: the homeowner has not accepted the template (or refused it). */
const NOT_SUBSCRIBED = 43101;

export interface DispatchRun {
  /** messages WeChat took */
  sent: number;
  /** follow-ups handed to customer service */
  phoneTasks: number;
  /** follow-ups left waiting (outside a window, the daily cap, an open issue, a send under way) */
  waiting: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

type Tally = Omit<DispatchRun, 'more'>;

/** What one page's decisions need, read in a handful of batched queries. */
interface PageWorld {
  projects: Map<string, Project>;
  homeowners: Map<string, User>;
  /** kept up to date as this run claims sends, so a second follow-up of the same homeowner sees the first */
  ledgers: Map<string, ContactLedger>;
  openRepairs: Map<string, RepairTicket[]>;
  openComplaints: Map<string, Complaint[]>;
}

interface RunWorld {
  deps: Deps;
  store: Stores;
  settings: FollowUpSettings;
  now: Millis;
  tally: Tally;
}

/**
 * The follow-up timer (DOMAIN §3, §10). Per page: one query for the follow-ups whose `nextActionAt`
 * has come, batched reads of what the decisions need (projects, homeowners, contact ledgers, open
 * repairs and complaints of the page's projects), decisions in memory, then for each follow-up one
 * conditional write: the decision (wait, phone task, done), or the claim of a send on the homeowner's
 * contact ledger, which spends the credit and counts the day under the ledger's version, so that two
 * runs can never both claim. A claimed message is sent, keyed by the follow-up's id, and its outcome
 * recorded in a second conditional write. A run killed in between leaves the claim in the ledger: the
 * next run turns it into a phone task once the lease lapses, never into a second message.
 */
export function dispatchTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<DispatchRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const world: RunWorld = { deps, store, settings: await loadFollowUpSettings(store), now, tally: { sent: 0, phoneTasks: 0, waiting: 0 } };
    const outcome = await sweep(
      run,
      (size) => dueItems(store.followups.scan({ nextActionAt: store.command.lte(now) }, { orderBy: [['nextActionAt', 'asc']], limit: size }), deps.log),
      async (page) => {
        const pageWorld = await readPage(store, page);
        return (f) => dispatchOne(world, pageWorld, f);
      },
    );
    const result = { ...world.tally, more: outcome.more };
    if (result.sent || result.phoneTasks) deps.log.info('dispatched follow-ups', { ...result });
    return result;
  };
}

/** The batched reads of one page: five queries, one per collection, for pages of up to IDS_PER_LOOKUP (100) follow-ups. */
async function readPage(store: Stores, page: FollowUp[]): Promise<PageWorld> {
  const pending = page.filter((f) => f.state === 'pending');
  const projectIds = [...new Set(pending.map((f) => f.projectId))];
  const ownersOfPending = pending.map((f) => f.homeownerId);
  const _ = store.command;
  const open = { projectId: _.in(projectIds) };
  const [projects, homeowners, ledgers, repairs, complaints] = await Promise.all([
    store.projects.getMany(projectIds),
    store.users.getMany(page.map((f) => f.homeownerId)),
    store.contacts.getMany(ownersOfPending),
    projectIds.length ? store.repairs.find({ ...open, status: _.in([...OPEN_REPAIR_STATUSES]) }, { limit: MAX_PAGE }) : [],
    projectIds.length ? store.complaints.find({ ...open, status: _.in([...OPEN_COMPLAINT_STATUSES]) }, { limit: MAX_PAGE }) : [],
  ]);
  return { projects, homeowners, ledgers, openRepairs: byProject(repairs), openComplaints: byProject(complaints) };
}

function byProject<T extends { projectId: string | null }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) if (item.projectId) map.set(item.projectId, [...(map.get(item.projectId) ?? []), item]);
  return map;
}

/** One follow-up: decide, then store the decision, or claim, send and record. True when it changed. */
async function dispatchOne(w: RunWorld, page: PageWorld, f: FollowUp): Promise<boolean> {
  const { now, settings } = w;
  const homeowner = page.homeowners.get(f.homeownerId) ?? null;
  const windows = windowsFor(homeowner, settings.contactWindows);
  const template = settings.templates[f.purpose] ?? null;
  const ledger = f.state === 'pending' ? (page.ledgers.get(f.homeownerId) ?? null) : null;
  const decision = decideDispatch(f, {
    now,
    windows,
    sentToday: sentOn(ledger, now),
    dailyCap: settings.dailyMessageCap,
    openIssue: f.state === 'pending' && hasOpenIssue(f, { repairs: page.openRepairs.get(f.projectId) ?? [], complaints: page.openComplaints.get(f.projectId) ?? [] }),
    template,
    credits: template ? creditsLeft(ledger, template.id) : 0,
    leaseMinutes: settings.claimLeaseMinutes,
    claim: claimOf(ledger, f._id),
  });
  if (decision.kind !== 'send') return record(w, asRead(f), decidedFollowUp(f, decision, now), decision);
  const data = templateData(decision.template, messageSource(f, page.projects.get(f.projectId)?.name ?? '', homeowner?.name ?? ''));
  const problems = checkTemplateData(data);
  if (Object.keys(problems).length > 0) {
    w.deps.log.error('follow-up message not sent: the template data would be refused; fix settings/followup.templates', {
      followUpId: f._id,
      templateId: decision.template.id,
      fields: problems,
    });
    return record(w, asRead(f), phoneTaskFollowUp(f, 'sendFailed', nextContactTime(now, windows) ?? now, now), { kind: 'phoneTask' });
  }
  const spent = ledger && spendCredit(ledger, decision.template.id, f._id, now);
  // the claim: only against the ledger as it was read, so a second run (or a grant) in between makes it fail
  if (!spent || !ledger || !(await w.store.contacts.replaceIf({ version: ledger.version }, spent))) return false;
  page.ledgers.set(f.homeownerId, spent);
  await send(w, f, { templateId: decision.template.id, claimedAt: now }, decision, data, windows, spent);
  return true;
}

/** The follow-up as the page read it: its state, due time and last change. */
function asRead(f: FollowUp): Record<string, unknown> {
  return { state: f.state, nextActionAt: f.nextActionAt, updatedAt: f.updatedAt };
}

/** Stores what was decided for a follow-up, if it still is as `stillAsRead` says (nobody changed it meanwhile), and counts it. */
async function record(w: RunWorld, stillAsRead: Record<string, unknown>, next: FollowUp, decision: Pick<DispatchDecision, 'kind'> | SendOutcome): Promise<boolean> {
  const wrote = await w.store.followups.replaceIf(stillAsRead, next);
  if (!wrote) return false;
  if ('sent' in decision) {
    if (decision.sent) w.tally.sent++;
    else w.tally.phoneTasks++;
  } else if (decision.kind === 'phoneTask') w.tally.phoneTasks++;
  else if (decision.kind === 'wait' || decision.kind === 'inFlight') w.tally.waiting++;
  return true;
}

/**
 * Sends a claimed follow-up's message and records what WeChat said. A send that throws (WeChat or the
 * network did not answer) records the claim on the follow-up: it lapses into a phone task, because the
 * message may have gone out. The outcome is written only over the follow-up as this run read it.
 */
async function send(
  w: RunWorld,
  f: FollowUp,
  claim: SendClaim,
  decision: Extract<DispatchDecision, { kind: 'send' }>,
  data: Record<string, { value: string }>,
  windows: ContactWindow[],
  ledger: ContactLedger,
): Promise<void> {
  const claimed = claimedFollowUp(f, claim, decision.claimUntil, w.now);
  let outcome: SendOutcome;
  try {
    outcome = await w.deps.messenger.send({ touser: f.homeownerId, templateId: claim.templateId, page: surveyPage(f._id), data }, f._id);
  } catch (error) {
    w.deps.log.error('follow-up message: no answer from WeChat; the claim will lapse into a phone task', {
      followUpId: f._id,
      error: error instanceof Error ? error.message : String(error),
    });
    await record(w, asRead(f), claimed, { kind: 'inFlight' });
    return;
  }
  const at = w.deps.clock.now();
  const refused = !outcome.sent && outcome.errcode === NOT_SUBSCRIBED;
  const next = outcome.sent
    ? sentFollowUp(claimed, at)
    : phoneTaskFollowUp(claimed, refused ? 'refused' : 'sendFailed', nextContactTime(at, windows) ?? at, at, outcome.errcode);
  // a run that found the claim in the ledger meanwhile marked the follow-up as sending: the outcome still belongs here
  const recorded = (await record(w, asRead(f), next, outcome)) || (await record(w, { state: 'sending', 'message.claimedAt': claim.claimedAt }, next, outcome));
  if (!recorded) {
    w.deps.log.info('follow-up message outcome not recorded: the follow-up changed meanwhile', { followUpId: f._id, sent: outcome.sent });
  }
  if (outcome.sent) return;
  if (refused) await forgetCredits(w, ledger, decision.template, at);
  else w.deps.log.error('follow-up message refused by WeChat', { followUpId: f._id, templateId: claim.templateId, errcode: outcome.errcode, errmsg: outcome.errmsg });
}

/** WeChat's 43101: whatever we counted, the homeowner has no acceptance of that template left. */
async function forgetCredits(w: RunWorld, ledger: ContactLedger, template: TemplateConfig, at: Millis): Promise<void> {
  await changeContactLedger(w.store, ledger._id, (current) => current && zeroCredits(current, template.id, at));
}
