import { fail, ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { CHANNEL_LABELS } from '@shared/consent/ledger';
import { SITE_VISIT_KIND_LABELS } from '@shared/project/visit';
import { ERASED_FIELDS, KEPT_RECORDS } from '@shared/privacy/anonymise';
import { PrivacyInputs, type DataCopy, type DeletionView, type MarketingMessageSent } from '@shared/privacy/api';
import { deletionCancelled, newDeletionRequest, type DeletionRequest } from '@shared/privacy/deletion';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { consentEntries, consentView } from '../_usecases/consent';
import { anonymiseHomeowner } from '../_usecases/privacy';
import { loadPrivacySettings } from '../_usecases/settings';

/** A homeowner has a few projects and at most a few hundred records of each kind. */
const MAX_RECORDS = 500;

function deletionView(request: DeletionRequest | null): DeletionView {
  return { request, erased: ERASED_FIELDS, kept: KEPT_RECORDS };
}

function profileOf(user: User): DataCopy['profile'] {
  return { name: user.name, phone: user.phone, contactWindows: user.contactWindows ?? null, anonymisedAt: user.anonymisedAt ?? null };
}

/** The marketing messages sent to her, newest first, each with its campaign's title. */
async function marketingMessages(store: Stores, homeownerId: string): Promise<MarketingMessageSent[]> {
  const sent = await store.campaignSends.find({ homeownerId, state: 'sent' }, { orderBy: [['sentAt', 'desc']], limit: MAX_RECORDS });
  const campaigns = await store.campaigns.getMany([...new Set(sent.map((s) => s.campaignId))]);
  return sent.map((s) => ({
    campaignId: s.campaignId,
    title: campaigns.get(s.campaignId)?.title ?? '',
    channel: s.channel,
    channelLabel: CHANNEL_LABELS[s.channel],
    sentAt: s.sentAt ?? s.updatedAt,
  }));
}

/** Everything the company holds about one homeowner, read only by the homeowner themselves. */
async function dataCopy(store: Stores, user: User, now: Millis): Promise<DataCopy> {
  const mine = { homeownerId: user._id };
  const [projects, repairs, complaints, enquiries, answers, visits, entries, reads, lastRead, marketing] = await Promise.all([
    store.projects.find(mine, { orderBy: [['createdAt', 'desc']], limit: MAX_RECORDS }),
    store.repairs.find(mine, { orderBy: [['createdAt', 'desc']], limit: MAX_RECORDS }),
    store.complaints.find(mine, { orderBy: [['receivedAt', 'desc']], limit: MAX_RECORDS }),
    store.enquiries.find(mine, { orderBy: [['receivedAt', 'desc']], limit: MAX_RECORDS }),
    store.surveyAnswers.find(mine, { orderBy: [['at', 'desc']], limit: MAX_RECORDS }),
    store.siteVisits.find(mine, { orderBy: [['at', 'desc']], limit: MAX_RECORDS }),
    consentEntries(store, user._id),
    store.auditLog.count({ subjectId: user._id }),
    store.auditLog.find({ subjectId: user._id }, { orderBy: [['at', 'desc']], limit: 1 }),
    marketingMessages(store, user._id),
  ]);
  return {
    exportedAt: now,
    profile: profileOf(user),
    projects: projects.map((p) => ({ id: p._id, name: p.name, address: p.address, milestones: p.milestones, anonymisedAt: p.anonymisedAt ?? null })),
    repairs: repairs.map((r) => ({ id: r._id, projectId: r.projectId, category: r.category, description: r.description, status: r.status, createdAt: r.createdAt })),
    complaints: complaints.map((c) => ({ id: c._id, projectId: c.projectId, category: c.category, description: c.description, status: c.status, receivedAt: c.receivedAt })),
    enquiries: enquiries.map((e) => ({
      id: e._id, ref: e.ref, projectId: e.projectId, kind: e.kind, channel: e.channel, text: e.text, status: e.status, receivedAt: e.receivedAt,
      reply: e.reply?.text ?? null, repliedAt: e.reply?.at ?? null,
    })),
    surveyAnswers: answers.map((a) => ({ id: a._id, followUpId: a.followUpId, stage: a.stage, answeredAt: a.at, channel: a.channel, answers: a.answers })),
    siteVisits: visits.map((v) => ({
      id: v._id, projectId: v.projectId, kind: v.kind, kindLabel: SITE_VISIT_KIND_LABELS[v.kind], stage: v.stage, photos: v.photos, note: v.note,
      satisfaction: v.satisfaction, signature: v.signature, byName: v.byName, at: v.at,
    })),
    consent: consentView(entries),
    marketingMessages: marketing,
    staffReads: { count: reads, lastAt: lastRead[0]?.at ?? null },
  };
}

/** 我的数据: what the company holds about the caller (also the JSON copy they download), and their deletion request. */
export const myData = action({
  input: PrivacyInputs.myData,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const [copy, request] = await Promise.all([dataCopy(store, user, now), store.deletionRequests.get(user._id)]);
    return ok({ copy, deletion: deletionView(request) });
  },
});

/** The homeowner corrects their name and contact phone (PIPL art. 46); only their own, identity from WeChat. */
export const correct = action({
  input: PrivacyInputs.correct,
  roles: ['homeowner'],
  async run({ store, user }, { name, phone }) {
    await store.users.patch(user._id, { name, phone });
    return ok({ profile: profileOf({ ...user, name, phone }) });
  },
});

/**
 * The homeowner asks for deletion (PIPL art. 47): personal fields are anonymised at once, or when the
 * configured delay (`settings/privacy` deletionDelayDays) has passed (the `retention` timer), during
 * which the request can be cancelled. Business records the law requires are kept, and the reply says
 * which and why. Asking again answers the request already made.
 */
export const requestDeletion = action({
  input: PrivacyInputs.requestDeletion,
  roles: ['homeowner'],
  async run({ deps, store, user, now }) {
    const settings = await loadPrivacySettings(store);
    const fresh = newDeletionRequest(user._id, now, settings.deletionDelayDays);
    const stored = await store.transaction((tx) =>
      store.deletionRequests.within(tx).modify(user._id, (current) => ok(current && current.state !== 'cancelled' ? current : fresh)),
    );
    if (!stored.ok) return stored;
    if (stored.data.state === 'pending' && stored.data.dueAt <= now) await anonymiseHomeowner(store, deps.files, user._id, now);
    return ok(deletionView(await store.deletionRequests.get(user._id)));
  },
});

/** A deletion request still waiting for its date can be cancelled; one carried out cannot be undone. */
export const cancelDeletion = action({
  input: PrivacyInputs.cancelDeletion,
  roles: ['homeowner'],
  async run({ store, user, now }) {
    const outcome = await store.transaction((tx) =>
      store.deletionRequests.within(tx).modify(user._id, (current) =>
        current?.state === 'pending' ? ok(deletionCancelled(current, now)) : fail('PRIVACY.NOTHING_TO_CANCEL', current?.state === 'done' ? '删除已经完成，无法撤销' : '没有等待中的删除申请'),
      ),
    );
    if (!outcome.ok) return outcome;
    return ok(deletionView(outcome.data));
  },
});
