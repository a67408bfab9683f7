import { randomUUID } from 'node:crypto';
import { ok } from '@shared/core/result';
import { answerEnquiry, registerEnquiry, type Enquiry, type NewEnquiry } from '@shared/enquiry/enquiry';
import type { Millis } from '@shared/core/time';
import { enquiryReceivedNotice, enquiryRepliedNotice } from '@shared/notify/enquiry';
import type { Deps } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { notify, notifyEach } from '../_usecases/notify';
import { allocateRef } from '../_usecases/refs';
import { loadFollowUpSettings } from '../_usecases/settings';

/** Customer-service agents: who hears of every new request at the desk. */
const MAX_AGENTS = 50;

type Intake = Omit<NewEnquiry, 'id' | 'ref'>;

/**
 * Registers a request at the desk (《顾客服务信息登记表》) with its ZX- reference, given out in the same
 * transaction, its answer due `settings/followup.enquiryReplyWithinHours` later. `answer` (customer service on the phone) answers it in that transaction too. With `id`
 * (from the client's request id) a retry answers the stored one and tells nobody twice. Customer
 * service hears of every request still open; the homeowner hears of an answer.
 */
export async function register(
  deps: Pick<Deps, 'messenger' | 'log'>,
  store: Stores,
  intake: Intake,
  answer: { text: string; by: string; byName: string } | null,
  now: Millis,
  id: string | null,
): Promise<Enquiry> {
  const key = id ?? randomUUID().replace(/-/g, '');
  const { enquiryReplyWithinHours } = await loadFollowUpSettings(store);
  const stored = await store.transaction(async (tx) => {
    const enquiries = store.enquiries.within(tx);
    const made = async (_id: string): Promise<Enquiry> => {
      const fresh = registerEnquiry({ ...intake, id: _id, ref: await allocateRef(store, tx, 'enquiry', now) }, now, enquiryReplyWithinHours);
      if (!answer) return fresh;
      const answered = answerEnquiry(fresh, answer, now);
      return answered.ok ? answered.data : fresh;
    };
    const kept = await enquiries.modify(key, async (again) => ok(again ?? (await made(key))));
    return kept.data;
  });
  await tellAbout(deps, store, stored, now);
  return stored;
}

/** The desk hears of an open request (except the agent who took it); the homeowner of an answer. Keyed: told once. */
export async function tellAbout(deps: Pick<Deps, 'messenger' | 'log'>, store: Stores, e: Enquiry, now: Millis): Promise<void> {
  if (e.reply) {
    await notify(store, enquiryRepliedNotice(e, e.reply.text), now, deps);
    return;
  }
  const [agents, homeowner] = await Promise.all([store.users.find({ roles: 'customerService' }, { limit: MAX_AGENTS }), store.users.get(e.homeownerId)]);
  const to = agents.map((a) => a._id).filter((a) => a !== e.loggedBy?.id);
  await notifyEach(store, to, enquiryReceivedNotice(e, homeowner?.name ?? ''), now, deps);
}
