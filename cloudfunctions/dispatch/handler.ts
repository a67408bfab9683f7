import { OPEN_COMPLAINT_STATUSES, type Complaint } from '@shared/complaint/complaint';
import type { User } from '@shared/core/roles';
import { cstDate, MINUTE, type Millis } from '@shared/core/time';
import type { FollowUpSettings } from '@shared/followup/config';
import { nextContactTime, type ContactWindow } from '@shared/followup/contact';
import {
  claimedFollowUp,
  contactLogId,
  decideDispatch,
  decidedFollowUp,
  hasOpenIssue,
  messageSource,
  phoneTaskFollowUp,
  sentFollowUp,
  subscriptionId,
  surveyPage,
  windowsFor,
  type DispatchDecision,
} from '@shared/followup/dispatch';
import type { FollowUp } from '@shared/followup/followup';
import { checkTemplateData, templateData } from '@shared/followup/templates';
import type { Project } from '@shared/project/project';
import { OPEN_REPAIR_STATUSES, type RepairTicket } from '@shared/repair/ticket';
import { checked, type Database, type DocData, type Transaction } from '../_platform/database';
import type { Deps, SendOutcome, SubscribeMessage } from '../_platform/ports';
import { loadFollowUpSettings } from '../_usecases/settings';
import { openSurveyComplaints } from '../_usecases/surveys';
import type { SurveyAnswerRecord } from '@shared/survey/api';
import { findById, findMany, withoutId } from '../_platform/store';

/** Work per run is bounded so a run ends well inside the function timeout (20 s); the next run goes on. */
export const PAGE = 50;
export const MAX_PAGES = 4;
/** Wall-clock time after which a run starts no new page, whatever is left. */
const RUN_BUDGET_MS = 12_000;
/** WeChat: the homeowner has not accepted the template (or refused it). */
const NOT_SUBSCRIBED = 43101;

export interface DispatchRun {
  /** messages WeChat took */
  sent: number;
  /** follow-ups handed to customer service */
  phoneTasks: number;
  /** follow-ups left waiting (outside a window, the daily cap, an open issue, a claim or an answer under way) */
  waiting: number;
  /** complaints opened for survey answers whose submission was cut off before opening them */
  recoveredComplaints: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

type Tally = Omit<DispatchRun, 'more' | 'recoveredComplaints'>;

interface OpenIssues {
  repairs: Pick<RepairTicket, '_id'>[];
  complaints: Pick<Complaint, '_id' | 'source'>[];
}

/** What the claiming transaction did with one follow-up. */
type Claim =
  | { kind: 'skipped' }
  | { kind: 'decided'; decision: Exclude<DispatchDecision, { kind: 'send' }> }
  | { kind: 'badData'; templateId: string; problems: Record<string, string> }
  | { kind: 'claimed'; message: SubscribeMessage; claimedAt: Millis; windows: ContactWindow[] };

/**
 * The follow-up timer (DOMAIN §3, §10): finds follow-ups whose `nextActionAt` has come (an indexed
 * range query, in pages) and decides each in its own transaction: wait for a contact window, the next
 * day or the end of an open issue; hand it to customer service; or spend a credit and claim it. A
 * claimed one is sent after its transaction, keyed by the follow-up's id, and the outcome recorded in
 * another. A run killed between the two leaves a claim that lapses into a phone task, never a second
 * message; two runs at once claim each follow-up once.
 */
export function dispatchTimer(deps: Deps): () => Promise<DispatchRun> {
  return async () => {
    const started = Date.now();
    const now = deps.clock.now();
    const settings = await loadFollowUpSettings(deps.db);
    const tally: Tally = { sent: 0, phoneTasks: 0, waiting: 0 };
    const world = { deps, settings, now, tally, projects: new Map<string, Promise<Project | null>>(), issues: new Map<string, Promise<OpenIssues>>() };
    let more = true;
    for (let page = 0; page < MAX_PAGES && Date.now() - started < RUN_BUDGET_MS; page++) {
      // follow-ups looked at in this run leave the range (their nextActionAt moves on), so each page starts at the front
      const due = checked(
        await deps.db.collection('followups').where({ nextActionAt: deps.db.command.lte(now) }).orderBy('nextActionAt', 'asc').limit(PAGE).get(),
      ).data as unknown as FollowUp[];
      let changed = 0;
      for (const candidate of due) if (await dispatchOne(world, candidate)) changed++;
      if (due.length < PAGE) {
        more = false;
        break;
      }
      if (changed === 0) break;
    }
    const recovered = await openMissedSurveyComplaints(deps, now);
    const run = { ...tally, recoveredComplaints: recovered, more };
    if (run.sent || run.phoneTasks || recovered) deps.log.info('dispatched follow-ups', { ...run });
    return run;
  };
}

/** An answer older than this whose complaints are still not all open was cut off half-way. */
export const SURVEY_RECOVERY_AFTER_MS = 2 * MINUTE;
const RECOVERY_PAGE = 20;

/**
 * Nothing acknowledged is lost: an answer is stored before the complaints its problems open, so a
 * submission cut off between the two (and never retried) left `complaintsOpenedAt` null. Each run opens
 * what such answers are owed, idempotently (the complaints' ids are fixed by the answer).
 */
async function openMissedSurveyComplaints(deps: Deps, now: Millis): Promise<number> {
  const stuck = checked(
    await deps.db
      .collection('surveyAnswers')
      .where({ complaintsOpenedAt: null, at: deps.db.command.lt(now - SURVEY_RECOVERY_AFTER_MS) })
      .orderBy('at', 'asc')
      .limit(RECOVERY_PAGE)
      .get(),
  ).data as unknown as SurveyAnswerRecord[];
  let opened = 0;
  for (const record of stuck) opened += (await openSurveyComplaints(deps.db, record, now)).complaints.length;
  return opened;
}

interface RunWorld {
  deps: Deps;
  settings: FollowUpSettings;
  now: Millis;
  tally: Tally;
  projects: Map<string, Promise<Project | null>>;
  issues: Map<string, Promise<OpenIssues>>;
}

/** One follow-up: decide and claim in a transaction; send; record the outcome. True when it was looked at. */
async function dispatchOne(w: RunWorld, candidate: FollowUp): Promise<boolean> {
  const pending = candidate.state === 'pending';
  const project = pending ? await cached(w.projects, candidate.projectId, () => findById<Project>(w.deps.db, 'projects', candidate.projectId)) : null;
  const issues = pending ? await cached(w.issues, candidate.projectId, () => openIssuesOf(w.deps.db, candidate.projectId)) : null;
  const claim = await w.deps.db.runTransaction((tx) => claimOne(tx, w, candidate._id, project, issues));
  switch (claim.kind) {
    case 'skipped':
      return false;
    case 'decided':
      if (claim.decision.kind === 'wait') w.tally.waiting++;
      if (claim.decision.kind === 'phoneTask') w.tally.phoneTasks++;
      return true;
    case 'badData':
      w.tally.phoneTasks++;
      w.deps.log.error('follow-up message not sent: the template data would be refused; fix settings/followup.templates', {
        followUpId: candidate._id,
        templateId: claim.templateId,
        fields: claim.problems,
      });
      return true;
    case 'claimed':
      await send(w, candidate._id, claim);
      return true;
  }
}

async function claimOne(tx: Transaction, w: RunWorld, id: string, project: Project | null, issues: OpenIssues | null): Promise<Claim> {
  const { now, settings } = w;
  const ref = tx.collection('followups').doc(id);
  const f = (await ref.get()).data as unknown as FollowUp | null;
  if (!f || f.nextActionAt === null || f.nextActionAt > now) return { kind: 'skipped' };
  // a follow-up that became pending after the page was read is left to the next run, which loads what it needs
  if (f.state === 'pending' && !issues) return { kind: 'skipped' };
  const homeowner = (await tx.collection('users').doc(f.homeownerId).get()).data as unknown as User | null;
  const windows = windowsFor(homeowner, settings.contactWindows);
  const template = settings.templates[f.purpose] ?? null;
  const logRef = tx.collection('contactLog').doc(contactLogId(f.homeownerId, now));
  const subRef = template ? tx.collection('subscriptions').doc(subscriptionId(f.homeownerId, template.id)) : null;
  const log = f.state === 'pending' ? (await logRef.get()).data : null;
  const sub = f.state === 'pending' && subRef ? (await subRef.get()).data : null;
  const decision = decideDispatch(f, {
    now,
    windows,
    sentToday: count(log, 'count'),
    dailyCap: settings.dailyMessageCap,
    openIssue: issues ? hasOpenIssue(f, issues) : false,
    template,
    credits: count(sub, 'credits'),
    leaseMinutes: settings.claimLeaseMinutes,
  });
  if (decision.kind !== 'send') {
    await ref.set(withoutId(decidedFollowUp(f, decision, now)));
    return { kind: 'decided', decision };
  }
  const data = templateData(decision.template, messageSource(f, project?.name ?? '', homeowner?.name ?? ''));
  const problems = checkTemplateData(data);
  if (Object.keys(problems).length > 0) {
    await ref.set(withoutId(phoneTaskFollowUp(f, 'sendFailed', nextContactTime(now, windows) ?? now, now)));
    return { kind: 'badData', templateId: decision.template.id, problems };
  }
  await ref.set(withoutId(claimedFollowUp(f, decision.template.id, decision.claimUntil, now)));
  await tx.collection('subscriptions').doc(subscriptionId(f.homeownerId, decision.template.id)).set({
    homeownerId: f.homeownerId,
    templateId: decision.template.id,
    credits: count(sub, 'credits') - 1,
    accepted: count(sub, 'accepted'),
    spent: count(sub, 'spent') + 1,
    updatedAt: now,
  });
  await logRef.set({ homeownerId: f.homeownerId, date: cstDate(now), count: count(log, 'count') + 1, updatedAt: now });
  const message = { touser: f.homeownerId, templateId: decision.template.id, page: surveyPage(f._id), data };
  return { kind: 'claimed', message, claimedAt: now, windows };
}

/**
 * Sends a claimed follow-up's message and records what WeChat said. A send that throws (WeChat or the
 * network did not answer) records nothing: the claim lapses and the next run hands it to customer
 * service, because the message may have gone out.
 */
async function send(w: RunWorld, id: string, claim: Extract<Claim, { kind: 'claimed' }>): Promise<void> {
  let outcome: SendOutcome;
  try {
    outcome = await w.deps.messenger.send(claim.message, id);
  } catch (error) {
    w.deps.log.error('follow-up message: no answer from WeChat; the claim will lapse into a phone task', {
      followUpId: id,
      error: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  const at = w.deps.clock.now();
  const recorded = await w.deps.db.runTransaction(async (tx) => {
    const ref = tx.collection('followups').doc(id);
    const f = (await ref.get()).data as unknown as FollowUp | null;
    // the claim is no longer ours (it lapsed and another run took it over): leave it as that run left it
    if (!f || f.state !== 'sending' || f.message?.claimedAt !== claim.claimedAt) return false;
    if (outcome.sent) {
      await ref.set(withoutId(sentFollowUp(f, at)));
      return true;
    }
    const callAt = nextContactTime(at, claim.windows) ?? at;
    const refused = outcome.errcode === NOT_SUBSCRIBED;
    await ref.set(withoutId(phoneTaskFollowUp(f, refused ? 'refused' : 'sendFailed', callAt, at, outcome.errcode)));
    if (refused) {
      const subRef = tx.collection('subscriptions').doc(subscriptionId(f.homeownerId, claim.message.templateId));
      const sub = (await subRef.get()).data;
      if (sub) await subRef.set({ ...withoutId(sub), credits: 0, updatedAt: at });
    }
    return true;
  });
  if (!recorded) w.deps.log.info('follow-up message outcome not recorded: the claim had been taken over', { followUpId: id, sent: outcome.sent });
  else if (outcome.sent) w.tally.sent++;
  else {
    w.tally.phoneTasks++;
    if (outcome.errcode !== NOT_SUBSCRIBED) {
      w.deps.log.error('follow-up message refused by WeChat', { followUpId: id, templateId: claim.message.templateId, errcode: outcome.errcode, errmsg: outcome.errmsg });
    }
  }
}

/** Open repairs and complaints of a project (indexed: projectId + status). */
async function openIssuesOf(db: Database, projectId: string): Promise<OpenIssues> {
  const _ = db.command;
  const [repairs, complaints] = await Promise.all([
    findMany<RepairTicket>(db.collection('repairs').where({ projectId, status: _.in([...OPEN_REPAIR_STATUSES]) }).field({ _id: true }), 100),
    findMany<Complaint>(db.collection('complaints').where({ projectId, status: _.in([...OPEN_COMPLAINT_STATUSES]) }).field({ _id: true, source: true }), 100),
  ]);
  return { repairs, complaints };
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = map.get(key);
  if (!hit) {
    hit = load();
    map.set(key, hit);
  }
  return hit;
}

/** A whole-number field of a stored counter, 0 when it is missing. */
function count(doc: DocData | Record<string, unknown> | null | undefined, field: string): number {
  const v = doc?.[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
