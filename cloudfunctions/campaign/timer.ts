import type { User } from '@shared/core/roles';
import { cst, cstDate, DAY, MINUTE, type Millis } from '@shared/core/time';
import {
  claimMarketingContact,
  decideSend,
  inAudience,
  MESSAGE_OPT_OUT,
  OPT_OUT_PAGE,
  releaseMarketingContact,
  sendClaimKey,
  sendId,
  smsText,
  type Campaign,
  type CampaignSend,
  type CampaignTemplate,
  type SkipReason,
} from '@shared/campaign/campaign';
import type { FollowUpSettings } from '@shared/followup/config';
import { nextContactTime } from '@shared/followup/contact';
import { creditsLeft, sentOn, type ContactLedger } from '@shared/followup/credits';
import { windowsFor } from '@shared/followup/dispatch';
import { checkTemplateData, fitField } from '@shared/followup/templates';
import { ok } from '@shared/core/result';
import type { Deps, SendOutcome } from '../_platform/ports';
import { stores, type Stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { claimMarketingSend, marketingAllowed } from '../_usecases/consent';
import { changeContactLedger } from '../_usecases/contacts';
import { loadCampaignTemplate, loadFollowUpSettings } from '../_usecases/settings';

/** Work per run, as the other timers: pages of PAGE, at most MAX_PAGES, nothing started after BUDGET_MS (timeout 20 s). */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;
/** Campaigns whose audience one run starts gathering. */
const CAMPAIGNS_PER_RUN = 5;
/** A claimed send whose outcome was not recorded within this is closed as unknown, never sent again. */
export const SEND_LEASE_MINUTES = 10;

export interface CampaignRun {
  /** homeowners put into campaigns' sends ledgers */
  gathered: number;
  sent: number;
  skipped: number;
  /** phone campaigns: calls made into customer service's tasks */
  callTasks: number;
  waiting: number;
  more: boolean;
}

interface RunWorld {
  deps: Deps;
  store: Stores;
  settings: FollowUpSettings;
  template: CampaignTemplate | null;
  now: Millis;
  run: RunLimits;
  tally: Omit<CampaignRun, 'more'>;
}

/**
 * The campaign timer (every 5 minutes). First it gathers the audience of campaigns whose time came:
 * the projects, page by page from the campaign's cursor, whose homeowner matches the filter, each
 * homeowner once (`campaignSends/<campaignId>:<homeownerId>`, created only if absent, so two runs
 * never make two). A phone campaign makes a call task only for a homeowner whose marketing call
 * consent stands then. Then it works through the sends that are due, one by one:
 * the decision (window, daily cap after the service follow-ups of the day, credits), a claim of the
 * send document (so one run sends it), the contact ledger's count and credit, and — the last thing
 * before the message goes — the claim of consent on the consent ledger (claimMarketingSend): a
 * withdrawal that got in first stops it. A send whose outcome was not recorded is never repeated.
 */
export function campaignTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<CampaignRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const [settings, template] = await Promise.all([loadFollowUpSettings(store), loadCampaignTemplate(store)]);
    const w: RunWorld = { deps, store, settings, template, now, run, tally: { gathered: 0, sent: 0, skipped: 0, callTasks: 0, waiting: 0 } };
    const gatheredAll = await gatherAudiences(w);
    const outcome = await sweep(
      run,
      (size) => dueItems(store.campaignSends.scan({ nextAt: store.command.lte(now) }, { orderBy: [['nextAt', 'asc']], limit: size }), deps.log),
      async (page) => {
        const world = await readPage(w, page);
        return (s) => handleSend(w, world, s);
      },
    );
    const result = { ...w.tally, more: outcome.more || !gatheredAll };
    if (result.sent || result.callTasks || result.gathered) deps.log.info('campaign timer', { ...result });
    return result;
  };
}

/** Gathers audiences while the budget lasts; true when every campaign due is fully gathered. */
async function gatherAudiences(w: RunWorld): Promise<boolean> {
  const { store, now, run } = w;
  const due = await store.campaigns.find({ status: 'scheduled', sendAt: store.command.lte(now) }, { orderBy: [['sendAt', 'asc']], limit: CAMPAIGNS_PER_RUN });
  let pages = 0;
  for (let campaign of due) {
    for (;;) {
      if (run.elapsed() >= run.budgetMs || pages >= run.maxPages) return false;
      pages++;
      const next = await gatherPage(w, campaign);
      if (!next) break; // another run moved it on, or it was cancelled: the next run picks it up from there
      campaign = next;
      if (campaign.status !== 'scheduled') break;
    }
  }
  return due.length < CAMPAIGNS_PER_RUN;
}

/** One page of projects after the campaign's cursor: sends created for the homeowners who match; the cursor moved on. */
async function gatherPage(w: RunWorld, c: Campaign): Promise<Campaign | null> {
  const { store } = w;
  const projects = await store.projects.find(c.cursor === null ? null : { _id: store.command.gt(c.cursor) }, { orderBy: [['_id', 'asc']], limit: w.run.pageSize });
  const homeownerIds = [...new Set(projects.filter((p) => inAudience(p, c.audience)).map((p) => p.homeownerId))];
  const homeowners = await store.users.getMany(homeownerIds);
  let created = 0;
  for (const id of homeownerIds) {
    const fresh = await freshSend(w, c, homeowners.get(id) ?? null, id);
    const made = await store.transaction((tx) => store.campaignSends.within(tx).modify(fresh._id, (current) => ok(current ?? fresh)));
    if (made.ok && made.data === fresh) {
      created++;
      if (fresh.state === 'callTask') w.tally.callTasks++;
    }
  }
  const last = projects.length ? projects[projects.length - 1]._id : c.cursor;
  const next: Campaign = { ...c, cursor: last, audienceSize: c.audienceSize + created, status: projects.length < w.run.pageSize ? 'expanded' : 'scheduled' };
  const moved = await store.campaigns.replaceIf({ _id: c._id, status: 'scheduled', cursor: c.cursor }, next);
  w.tally.gathered += created;
  return moved ? next : null;
}

/** A homeowner's send as first made: waiting for the campaign's time; for a phone campaign, a call task only with call consent now. */
async function freshSend(w: RunWorld, c: Campaign, homeowner: User | null, homeownerId: string): Promise<CampaignSend> {
  const base: CampaignSend = {
    _id: sendId(c._id, homeownerId), campaignId: c._id, homeownerId, channel: c.channel, state: 'pending', reason: null,
    nextAt: c.sendAt, callAt: null, sentAt: null, calledBy: null, updatedAt: w.now,
  };
  if (c.channel !== 'phone') return base;
  if (!(await marketingAllowed(w.store, homeownerId, 'phone', w.now))) return { ...base, state: 'skipped', reason: 'noConsent', nextAt: null };
  const callAt = nextContactTime(Math.max(c.sendAt, w.now), windowsFor(homeowner, w.settings.contactWindows)) ?? Math.max(c.sendAt, w.now);
  return { ...base, state: 'callTask', nextAt: null, callAt };
}

interface PageWorld {
  campaigns: Map<string, Campaign>;
  homeowners: Map<string, User>;
  ledgers: Map<string, ContactLedger>;
  /** per homeowner: service follow-ups pending and due by the end of today */
  serviceDue: Map<string, number>;
}

async function readPage(w: RunWorld, page: CampaignSend[]): Promise<PageWorld> {
  const { store, now } = w;
  const owners = [...new Set(page.map((s) => s.homeownerId))];
  const endOfToday = cst(cstDate(now)).valueOf() + DAY;
  const _ = store.command;
  const [campaigns, homeowners, ledgers, followups] = await Promise.all([
    store.campaigns.getMany([...new Set(page.map((s) => s.campaignId))]),
    store.users.getMany(owners),
    store.contacts.getMany(owners),
    owners.length ? store.followups.find({ homeownerId: _.in(owners), state: 'pending', nextActionAt: _.lt(endOfToday) }, { limit: 1000 }) : [],
  ]);
  const serviceDue = new Map<string, number>();
  for (const f of followups) serviceDue.set(f.homeownerId, (serviceDue.get(f.homeownerId) ?? 0) + 1);
  return { campaigns, homeowners, ledgers, serviceDue };
}

/** Moves a send on from the state this run read; false when another run changed it first. */
async function store(w: RunWorld, read: CampaignSend, next: CampaignSend): Promise<boolean> {
  return w.store.campaignSends.replaceIf({ _id: read._id, state: read.state, updatedAt: read.updatedAt }, next);
}

async function skip(w: RunWorld, s: CampaignSend, reason: SkipReason): Promise<boolean> {
  const done = await store(w, s, { ...s, state: 'skipped', reason, nextAt: null, updatedAt: w.now });
  if (done) w.tally.skipped++;
  return done;
}

async function handleSend(w: RunWorld, page: PageWorld, s: CampaignSend): Promise<boolean> {
  const { now } = w;
  // a claim whose outcome was never recorded: the message may have gone, so it is never sent again
  if (s.state === 'sending') return skip(w, s, 'failed');
  if (s.state !== 'pending') return store(w, s, { ...s, nextAt: null, updatedAt: now });
  const campaign = page.campaigns.get(s.campaignId);
  if (!campaign) return skip(w, s, 'cancelled');
  const homeowner = page.homeowners.get(s.homeownerId) ?? null;
  const windows = windowsFor(homeowner, w.settings.contactWindows);
  const ledger = page.ledgers.get(s.homeownerId) ?? null;
  const serviceDueToday = page.serviceDue.get(s.homeownerId) ?? 0;
  const templateId = campaign.channel === 'subscription' ? (w.template?.id ?? null) : null;
  if (campaign.channel === 'subscription' && !templateId) return skip(w, s, 'noTemplate');
  const decision = decideSend({
    now, campaign, windows, sentToday: sentOn(ledger, now), serviceDueToday, dailyCap: w.settings.dailyMessageCap,
    credits: templateId ? creditsLeft(ledger, templateId) : 0,
  });
  if (decision.kind === 'skip') {
    // without consent, that is the reason the admin reads, whatever else was missing
    const reason = decision.reason === 'noCredit' && !(await marketingAllowed(w.store, s.homeownerId, campaign.channel, now)) ? 'noConsent' : decision.reason;
    return skip(w, s, reason);
  }
  if (decision.kind === 'wait') {
    const waited = await store(w, s, { ...s, nextAt: decision.until, updatedAt: now });
    if (waited) w.tally.waiting++;
    return waited;
  }
  // no consent now: skipped without spending anything (the claim below is what orders against a racing withdrawal)
  if (!(await marketingAllowed(w.store, s.homeownerId, campaign.channel, now))) return skip(w, s, 'noConsent');
  const sending: CampaignSend = { ...s, state: 'sending', nextAt: now + SEND_LEASE_MINUTES * MINUTE, updatedAt: now };
  if (!(await store(w, s, sending))) return false;
  const key = sendClaimKey(campaign._id);
  const counted = await changeContactLedger(w.store, s.homeownerId, (current) =>
    claimMarketingContact(current, s.homeownerId, { channel: campaign.channel, key, templateId }, { dailyCap: w.settings.dailyMessageCap, serviceDueToday }, now) ?? current,
  );
  if (!counted || counted.claims[key]?.claimedAt !== now) {
    // the day filled up (or the credit went) meanwhile: back to waiting, nothing was spent
    await store(w, sending, { ...s, nextAt: nextContactTime(now + MINUTE, windows) ?? now + DAY, updatedAt: now });
    return true;
  }
  page.ledgers.set(s.homeownerId, counted);
  // the moment of sending: consent is claimed on the ledger, ordered against any withdrawal
  if (!(await claimMarketingSend(w.store, s.homeownerId, campaign.channel, now))) {
    // nothing went: the credit and the day's count come back
    const released = await changeContactLedger(w.store, s.homeownerId, (current) => current && releaseMarketingContact(current, { key, templateId }, now, w.deps.clock.now()));
    if (released) page.ledgers.set(s.homeownerId, released);
    return skip(w, sending, 'noConsent');
  }
  let outcome: SendOutcome;
  try {
    outcome = await deliver(w, campaign, s, homeowner);
  } catch (error) {
    w.deps.log.error('campaign message: no answer from the channel; it will not be sent again', {
      sendId: s._id, channel: campaign.channel, error: error instanceof Error ? error.message : String(error),
    });
    return true;
  }
  const at = w.deps.clock.now();
  if (outcome.sent) {
    if (await store(w, sending, { ...sending, state: 'sent', nextAt: null, sentAt: at, updatedAt: at })) w.tally.sent++;
  } else {
    w.deps.log.info('campaign message refused by the channel', { sendId: s._id, errcode: outcome.errcode, errmsg: outcome.errmsg });
    await skip(w, sending, 'refused');
  }
  return true;
}

/** The message itself: every one carries the way to refuse (the consent screen's one-tap withdrawal, or 回复退订 for SMS). */
function deliver(w: RunWorld, c: Campaign, s: CampaignSend, homeowner: User | null): Promise<SendOutcome> {
  if (c.channel === 'sms') {
    return w.deps.sms.send({ phone: homeowner?.phone ?? '', params: [c.title, c.body], text: smsText(c) }, s._id);
  }
  const template = w.template as CampaignTemplate;
  const values = { title: c.title, body: c.body, date: cstDate(c.sendAt), optOut: MESSAGE_OPT_OUT };
  const data = Object.fromEntries(Object.entries(template.fields).map(([keyword, value]) => [keyword, { value: fitField(keyword, values[value]) }]));
  const problems = checkTemplateData(data);
  if (Object.keys(problems).length > 0) {
    w.deps.log.error('campaign message not sent: the template data would be refused; fix settings/campaign.template', { sendId: s._id, fields: problems });
    return Promise.resolve({ sent: false, errcode: 47003, errmsg: JSON.stringify(problems) });
  }
  return w.deps.messenger.send({ touser: s.homeownerId, templateId: template.id, page: OPT_OUT_PAGE, data }, s._id);
}
