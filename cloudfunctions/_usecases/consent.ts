import { CommonErrors } from '@shared/core/errors';
import { type Result, ok } from '@shared/core/result';
import { hasRole } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { ConsentChannel, ConsentEntry, ConsentMethod } from '@shared/consent/ledger';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { consentChange, consentState, marketingAllowedBy, type ConsentRequest } from '@shared/consent/state';
import { isAnonymised } from '@shared/privacy/anonymise';
import type { ConsentView } from '@shared/privacy/api';
import type { Stores } from '../_platform/stores';

/** Entries read per query; a ledger is read whole, in `seq` order. */
const PAGE = 500;
/** Attempts to append when another append to the same ledger got in first. */
const APPEND_ATTEMPTS = 5;

/** One homeowner's ledger, oldest first. */
export async function consentEntries(store: Stores, homeownerId: string): Promise<ConsentEntry[]> {
  const all: ConsentEntry[] = [];
  for (;;) {
    const last = all.length ? all[all.length - 1].seq : 0;
    const page = await store.consentLedger.find({ homeownerId, seq: store.command.gt(last) }, { orderBy: [['seq', 'asc']], limit: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/** The state and the history (newest first) as the homeowner, or customer service, sees them. */
export function consentView(entries: readonly ConsentEntry[]): ConsentView {
  const history = [...entries].sort((a, b) => b.seq - a.seq).map(({ _id: _i, homeownerId: _h, ...item }) => item);
  return { state: consentState(entries), history, noticeVersion: PRIVACY_NOTICE_VERSION };
}

/**
 * What a sender asks at the moment of sending: may a marketing message go to this homeowner on this
 * channel now? Only with that channel's grant standing in the ledger, 勿扰 off, and the homeowner
 * still a known, not anonymised homeowner. Read fresh on every call: a withdrawal counts at once.
 */
export async function marketingAllowed(store: Stores, homeownerId: string, channel: ConsentChannel, now: Millis): Promise<boolean> {
  const [user, entries] = await Promise.all([store.users.get(homeownerId), consentEntries(store, homeownerId)]);
  if (!user || !hasRole(user, 'homeowner') || isAnonymised(user)) return false;
  return marketingAllowedBy(consentState(entries, now), channel);
}

/**
 * A marketing send claims its right to go at the moment it is made: true only when the ledger allows
 * marketing on this channel *and* nothing was appended to the ledger between that reading and the
 * claim. The claim rewrites the ledger's head in a transaction that checks the head still has the
 * `seq` read, so a withdrawal racing the send is ordered either before the claim (the claim sees the
 * new `seq`, reads again and is refused) or after it (the send was already under way when the
 * homeowner withdrew): a send never goes out on a grant that a recorded withdrawal had already ended.
 */
export async function claimMarketingSend(store: Stores, homeownerId: string, channel: ConsentChannel, now: Millis): Promise<boolean> {
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
    const [user, entries] = await Promise.all([store.users.get(homeownerId), consentEntries(store, homeownerId)]);
    if (!user || !hasRole(user, 'homeowner') || isAnonymised(user)) return false;
    if (!marketingAllowedBy(consentState(entries, now), channel)) return false;
    const seq = entries.length ? entries[entries.length - 1].seq : 0;
    const claimed = await store.transaction(async (tx) => {
      const head = await store.consents.within(tx).get(homeownerId);
      if ((head?.seq ?? 0) !== seq) return false;
      await store.consents.within(tx).put({ _id: homeownerId, seq, updatedAt: now });
      return true;
    });
    if (claimed) return true;
  }
  return false;
}

export interface ConsentContext {
  how: ConsentMethod;
  recordedBy: { id: string; name: string } | null;
  noticeVersion: string;
  /** the client's id for this request: a retry finds the entry the first call appended */
  requestId?: string;
}

const outdatedNotice = () =>
  CommonErrors.badRequest({ noticeVersion: '隐私说明已更新，请重新打开页面阅读最新说明后再选择' });

/**
 * Appends what the request changes to the homeowner's ledger, if anything. The entry's place (`seq`)
 * comes from the ledger's head, bumped in the same transaction; if another append got in between the
 * read and the write, the state is read again and the request decided anew.
 */
export async function appendConsent(
  store: Stores,
  homeownerId: string,
  request: ConsentRequest,
  context: ConsentContext,
  now: Millis,
): Promise<Result<{ changed: boolean; entries: ConsentEntry[] }>> {
  if (context.noticeVersion !== PRIVACY_NOTICE_VERSION) return outdatedNotice();
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
    const entries = await consentEntries(store, homeownerId);
    const retried = context.requestId ? entries.find((e) => e._id === `${homeownerId}:${context.requestId}`) : undefined;
    if (retried) return ok({ changed: false, entries });
    const draft = consentChange(consentState(entries), request, { homeownerId, at: now, how: context.how, recordedBy: context.recordedBy, noticeVersion: context.noticeVersion });
    if (!draft) return ok({ changed: false, entries });
    const lastSeq = entries.length ? entries[entries.length - 1].seq : 0;
    const appended = await store.transaction(async (tx) => {
      const head = await store.consents.within(tx).get(homeownerId);
      if ((head?.seq ?? 0) !== lastSeq) return null;
      const seq = lastSeq + 1;
      const entry: ConsentEntry = { ...draft, _id: `${homeownerId}:${context.requestId ?? `seq-${seq}`}`, seq };
      await store.consents.within(tx).put({ _id: homeownerId, seq, updatedAt: now });
      await store.consentLedger.within(tx).put(entry);
      return entry;
    });
    if (appended) return ok({ changed: true, entries: [...entries, appended] });
  }
  throw new Error(`consent ledger of ${homeownerId}: ${APPEND_ATTEMPTS} appends in a row lost to concurrent ones`);
}

