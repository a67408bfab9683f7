import { CommonErrors } from '@shared/core/errors';
import { fail, ok } from '@shared/core/result';
import type { User } from '@shared/core/roles';
import { DAY } from '@shared/core/time';
import { CampaignInputs, type CampaignCall, type CampaignSummary } from '@shared/campaign/api';
import { greetingTime } from '@shared/campaign/holidays';
import { GRACE, MAX_AHEAD, SEND_WITHIN_DAYS, type Campaign, type CampaignSend } from '@shared/campaign/campaign';
import { action, defineFunction } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataReads } from '../_usecases/audit';
import { claimMarketingSend } from '../_usecases/consent';
import { loadCampaignTemplate } from '../_usecases/settings';

const ADMIN = ['admin'] as const;
const CALLERS = ['customerService', 'admin'] as const;
const MAX_LIST = 50;
const MAX_CALLS = 100;

const by = (user: User) => ({ id: user._id, name: user.name });
const notFound = () => fail('CAMPAIGN.NOT_FOUND', '没有找到这个活动，请刷新列表', { campaignId: '活动不存在' });

/**
 * An admin defines a campaign: kind, title and text, audience, channel and time. It waits for another
 * admin's approval (`approve`) before anything is sent (004 4.5). A holiday greeting
 * takes its time from the holiday's date that year (chinese-days), at 10:00. Nothing is sent now:
 * once the time comes the `campaign` timer gathers the audience and sends, each send checked then.
 */
const define = action({
  input: CampaignInputs.define,
  roles: ADMIN,
  async run({ store, user, now }, input) {
    const sendAt = input.holiday ? greetingTime(input.holiday.name, input.holiday.year) : (input.sendAt as number);
    const field = input.holiday ? 'holiday.year' : 'sendAt';
    if (sendAt < now - GRACE) return CommonErrors.badRequest({ [field]: input.holiday ? `${input.holiday.year} 年的${input.holiday.name}已经过去，请选择以后的年份` : '发送时间已经过去，请选择以后的时间' });
    if (sendAt > now + MAX_AHEAD) return CommonErrors.badRequest({ [field]: '发送时间最多选一年以内' });
    if (input.channel === 'subscription' && !(await loadCampaignTemplate(store))) {
      return CommonErrors.badRequest({ channel: '还没有配置营销订阅消息模板（settings/campaign.template），请先配置或改用短信、电话' });
    }
    const id = input.requestId ? `campaign-${input.requestId}` : `campaign-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const existing = await store.campaigns.get(id);
    if (existing) return ok({ campaign: existing });
    const campaign: Campaign = {
      _id: id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      channel: input.channel,
      audience: input.audience,
      holiday: input.holiday ?? null,
      sendAt,
      expiresAt: sendAt + SEND_WITHIN_DAYS * DAY,
      status: 'proposed',
      cursor: null,
      audienceSize: 0,
      createdBy: by(user),
      createdAt: now,
      cancelled: null,
      approved: null,
    };
    await store.campaigns.put(campaign);
    return ok({ campaign });
  },
});

async function counts(store: Stores, campaignId: string): Promise<CampaignSummary['counts']> {
  const n = (state: CampaignSend['state']) => store.campaignSends.count({ campaignId, state });
  const [pending, sending, sent, skipped, callTask, called, skippedNoConsent] = await Promise.all([
    n('pending'), n('sending'), n('sent'), n('skipped'), n('callTask'), n('called'),
    store.campaignSends.count({ campaignId, state: 'skipped', reason: 'noConsent' }),
  ]);
  return { pending: pending + sending, sent, skipped, skippedNoConsent, callTask, called };
}

/** The campaigns, newest first, with how many were sent, skipped and are waiting. No personal data. */
const list = action({
  input: CampaignInputs.list,
  roles: ADMIN,
  async run({ store, user, now }) {
    const campaigns = await store.campaigns.find(null, { orderBy: [['createdAt', 'desc']], limit: MAX_LIST });
    const canApprove = (c: Campaign) => c.status === 'proposed' && c.createdBy.id !== user._id && c.expiresAt > now;
    return ok({
      campaigns: await Promise.all(campaigns.map(async (c): Promise<CampaignSummary> => ({ ...c, counts: await counts(store, c._id), canApprove: canApprove(c) }))),
    });
  },
});

/** Cancelled: nothing more of it is sent (the timer skips what waits). A second cancel changes nothing. */
const cancel = action({
  input: CampaignInputs.cancel,
  roles: ADMIN,
  async run({ store, user, now }, { campaignId }) {
    const changed = await store.transaction((tx) =>
      store.campaigns.within(tx).modify(campaignId, (c) => {
        if (!c) return notFound();
        if (c.cancelled) return ok(c);
        return ok({ ...c, status: 'cancelled' as const, cancelled: { at: now, by: by(user) } });
      }),
    );
    if (!changed.ok) return changed;
    // what waits is skipped at once, so counts read right; the timer would skip it anyway
    await store.campaignSends.updateWhere({ campaignId, state: 'pending' }, { state: 'skipped', reason: 'cancelled', nextAt: null, updatedAt: now });
    await store.campaignSends.updateWhere({ campaignId, state: 'callTask' }, { state: 'skipped', reason: 'cancelled', callAt: null, updatedAt: now });
    return ok({ campaign: changed.data });
  },
});

/** The calls of phone campaigns due now, the earliest first: the homeowner's name only (an audited read); the number comes with openCall. */
const calls = action({
  input: CampaignInputs.calls,
  roles: CALLERS,
  async run({ store, user, now }) {
    const due = await store.campaignSends.find({ state: 'callTask', callAt: store.command.lte(now) }, { orderBy: [['callAt', 'asc']], limit: MAX_CALLS });
    const [owners, campaigns] = await Promise.all([store.users.getMany(due.map((s) => s.homeownerId)), store.campaigns.getMany([...new Set(due.map((s) => s.campaignId))])]);
    await recordPersonalDataReads(store, { viewer: user, subjects: due.map((s) => ({ subjectId: s.homeownerId, record: `campaignSends/${s._id}` })), fields: ['name'], at: now });
    const list: CampaignCall[] = due.map((s) => ({ sendId: s._id, campaignTitle: campaigns.get(s.campaignId)?.title ?? '', homeownerName: owners.get(s.homeownerId)?.name ?? '', callAt: s.callAt }));
    return ok({ calls: list });
  },
});

/**
 * Customer service opens a campaign call. Call consent is claimed on the ledger now, as a message's
 * is at the moment of sending: withdrawn since the task was made (or 勿扰 on) → the task is closed as
 * skipped and no number is given. With consent the number is given (an audited read) and the task is
 * marked called by this agent; opening it again gives the number again only while consent stands.
 */
const openCall = action({
  input: CampaignInputs.openCall,
  roles: CALLERS,
  async run({ store, user, now }, { sendId }) {
    const send = await store.campaignSends.get(sendId);
    if (!send || send.channel !== 'phone' || (send.state !== 'callTask' && send.state !== 'called')) {
      return fail('CAMPAIGN.NO_CALL', '没有这个外呼任务，或它已关闭', { sendId: '外呼任务不存在或已关闭' });
    }
    const [campaign, homeowner] = await Promise.all([store.campaigns.get(send.campaignId), store.users.get(send.homeownerId)]);
    if (!campaign || campaign.cancelled) return fail('CAMPAIGN.NO_CALL', '活动已取消，不用再打', { sendId: '活动已取消' });
    if (!homeowner || !(await claimMarketingSend(store, send.homeownerId, 'phone', now))) {
      await store.campaignSends.replaceIf({ _id: send._id, state: send.state }, { ...send, state: 'skipped', reason: 'noConsent', callAt: null, nextAt: null, updatedAt: now });
      return fail('CAMPAIGN.NO_CONSENT', '业主已撤回电话营销同意或开启了勿扰，不能再打这个电话', { sendId: '没有电话营销同意' });
    }
    const called: CampaignSend = send.state === 'called' ? send : { ...send, state: 'called', calledBy: by(user), updatedAt: now };
    if (called !== send && !(await store.campaignSends.replaceIf({ _id: send._id, state: 'callTask' }, called))) {
      return fail('CAMPAIGN.NO_CALL', '这个外呼任务刚被处理，请刷新', { sendId: '任务已变化' });
    }
    await recordPersonalDataReads(store, { viewer: user, subjects: [{ subjectId: homeowner._id, record: `campaignSends/${send._id}` }], fields: ['name', 'phone'], at: now });
    return ok({ send: called, homeowner: { name: homeowner.name, phone: homeowner.phone }, campaign: { title: campaign.title, body: campaign.body } });
  },
});

const CampaignErrors = {
  ownCampaign: () => fail('CAMPAIGN.OWN_CAMPAIGN', '发给客户的内容需要另一位管理员审批，不能审批自己创建的活动', { campaignId: '请另一位管理员审批' }),
  cancelled: () => fail('CAMPAIGN.CANCELLED', '这个活动已取消，不能再审批；如需发送请重新创建', { campaignId: '活动已取消' }),
  expired: () => fail('CAMPAIGN.EXPIRED', '活动的发送期限已过，审批后也发不出去了；请改时间后重新创建', { campaignId: '发送期限已过' }),
};

/**
 * Another admin approves a proposed campaign (004 4.5: what is published to customers is approved before
 * it goes out): its text then goes out at its time, through the `campaign` timer. The admin who defined it
 * cannot approve it; an approved one approved again changes nothing; a cancelled or expired one is refused.
 */
const approve = action({
  input: CampaignInputs.approve,
  roles: ADMIN,
  async run({ store, user, now }, { campaignId }) {
    const changed = await store.transaction((tx) =>
      store.campaigns.within(tx).modify(campaignId, (c) => {
        if (!c) return notFound();
        if (c.status === 'cancelled') return CampaignErrors.cancelled();
        if (c.status !== 'proposed') return ok(c);
        if (c.createdBy.id === user._id) return CampaignErrors.ownCampaign();
        if (c.expiresAt <= now) return CampaignErrors.expired();
        return ok({ ...c, status: 'scheduled' as const, approved: { at: now, by: by(user) } });
      }),
    );
    if (!changed.ok) return changed;
    return ok({ campaign: changed.data });
  },
});

export const campaignFunction = defineFunction('campaign', { define, list, cancel, approve, calls, openCall });
