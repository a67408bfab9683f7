import { fail, ok, type Result } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { consentState, marketingAllowedBy } from '@shared/consent/state';
import { ProspectInputs } from '@shared/prospect/api';
import { classReviewDue, nextProspectCall, withLeadClass, type Prospect } from '@shared/prospect/prospect';
import { action, defineFunction } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataReads } from '../_usecases/audit';
import { appendConsent, consentEntries } from '../_usecases/consent';
import { loadFollowUpSettings, loadProspectCadence } from '../_usecases/settings';

const STAFF = ['customerService', 'admin'] as const;
const MAX_QUEUE = 100;

const notFound = () => fail('PROSPECT.NOT_FOUND', '没有找到这位意向客户，请返回列表刷新', { prospectId: '意向客户不存在' });

/** The prospect's consent ledger lives under this id (prospects have no WeChat account). */
export const consentSubject = (prospectId: string) => `prospect:${prospectId}`;

/** Whether the prospect's marketing-call consent stands now, read from the ledger. */
async function callConsent(store: Stores, prospectId: string, now: Millis): Promise<boolean> {
  return marketingAllowedBy(consentState(await consentEntries(store, consentSubject(prospectId)), now), 'phone');
}

/** What planning the next call needs, read once: whether call consent stands now, the cadence and the contact windows. */
async function planner(store: Stores, prospectId: string, now: Millis): Promise<(p: Prospect) => Prospect> {
  const [consent, settings, cadence] = await Promise.all([callConsent(store, prospectId, now), loadFollowUpSettings(store), loadProspectCadence(store)]);
  return (p) => ({ ...p, nextCallAt: nextProspectCall(p, consent, cadence, settings.contactWindows), updatedAt: now });
}

/** Changes one prospect and plans its next call, in one transaction (one write). */
async function change(store: Stores, id: string, now: Millis, apply: (p: Prospect) => Result<Prospect>): Promise<Result<{ prospect: Prospect }>> {
  const plan = await planner(store, id, now);
  const changed = await store.transaction((tx) =>
    store.prospects.within(tx).modify(id, (p): Result<Prospect> => {
      if (!p) return notFound();
      const applied = apply(p);
      return applied.ok ? ok(plan(applied.data)) : applied;
    }),
  );
  if (!changed.ok) return changed;
  return ok({ prospect: changed.data });
}

const by = (user: User) => ({ id: user._id, name: user.name });

/**
 * Staff register a prospect with a lead class, the showroom visit if there was one, and whether they
 * agreed (in person) to follow-up calls about offers, which goes into the consent ledger. With consent
 * the first call is planned (2 days after the showroom visit by default); without it, none.
 */
const create = action({
  input: ProspectInputs.create,
  roles: STAFF,
  async run({ store, user, now }, input) {
    const id = input.requestId ? `prospect-${input.requestId}` : `prospect-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const existing = await store.prospects.get(id);
    if (existing) return ok({ prospect: existing });
    const consent = await appendConsent(
      store, consentSubject(id),
      { subject: 'consent', channel: 'phone', decision: input.callConsent ? 'granted' : 'withdrawn' },
      { how: 'inPerson', recordedBy: by(user), noticeVersion: PRIVACY_NOTICE_VERSION, requestId: input.requestId },
      now,
    );
    if (!consent.ok) return consent;
    const fresh: Prospect = {
      _id: id, name: input.name, phone: input.phone, leadClass: input.leadClass, showroomVisitAt: input.showroomVisitAt,
      nextCallAt: null, stoppedAt: null, classHistory: [], calls: [], createdBy: user._id, createdAt: now, updatedAt: now,
    };
    const prospect = (await planner(store, id, now))(fresh);
    await store.prospects.put(prospect);
    return ok({ prospect });
  },
});

/** The prospects due a call now, the earliest first (indexed: nextCallAt). Names and phones shown: an audited read per prospect. */
const queue = action({
  input: ProspectInputs.queue,
  roles: STAFF,
  async run({ store, user, now }) {
    const prospects = await store.prospects.find({ nextCallAt: store.command.lte(now) }, { orderBy: [['nextCallAt', 'asc']], limit: MAX_QUEUE });
    await recordPersonalDataReads(store, { viewer: user, subjects: prospects.map((p) => ({ subjectId: consentSubject(p._id), record: `prospects/${p._id}` })), fields: ['name', 'phone'], at: now });
    return ok({ prospects: prospects.map((p) => ({ ...p, classReviewDue: classReviewDue(p, now) })) });
  },
});

/** A follow-up call was made: kept with who and a note; the next one is planned at the class's interval, if consent still stands. */
const logCall = action({
  input: ProspectInputs.logCall,
  roles: STAFF,
  async run({ store, user, now }, { prospectId, note }) {
    return change(store, prospectId, now, (p) =>
      p.stoppedAt !== null ? fail('PROSPECT.STOPPED', '客户已要求停止跟进，不要再联系') : ok({ ...p, calls: [...p.calls, { at: now, by: user._id, byName: user.name, note }] }),
    );
  },
});

/** The lead class changes, with the reason kept; the next call moves to the new class's interval. */
const changeClass = action({
  input: ProspectInputs.changeClass,
  roles: STAFF,
  async run({ store, user, now }, { prospectId, leadClass, reason }) {
    return change(store, prospectId, now, (p) => withLeadClass(p, leadClass, reason, by(user), now));
  },
});

/**
 * The prospect said stop (003 三.1): follow-up ends at once and for good, and the refusal of marketing
 * calls is recorded in their consent ledger, named and timed.
 */
const stop = action({
  input: ProspectInputs.stop,
  roles: STAFF,
  async run({ store, user, now }, { prospectId, note }) {
    const found = await store.prospects.get(prospectId);
    if (!found) return notFound();
    const refused = await appendConsent(store, consentSubject(prospectId), { subject: 'consent', channel: 'phone', decision: 'withdrawn' }, { how: 'phone', recordedBy: by(user), noticeVersion: PRIVACY_NOTICE_VERSION }, now);
    if (!refused.ok) return refused;
    return change(store, prospectId, now, (p) =>
      p.stoppedAt !== null ? ok(p) : ok({ ...p, stoppedAt: now, calls: note ? [...p.calls, { at: now, by: user._id, byName: user.name, note }] : p.calls }),
    );
  },
});

export const prospectFunction = defineFunction('prospect', { create, queue, logCall, changeClass, stop });
