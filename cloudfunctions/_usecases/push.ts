import { claimOf, creditsLeft, spendCredit, zeroCredits } from '@shared/followup/credits';
import { checkTemplateData } from '@shared/followup/templates';
import type { Notice, NoticePush, PushMiss } from '@shared/notify/notice';
import { noticeData, pushClaimKey, templateFor, type NotifySettings } from '@shared/notify/push';
import { MINUTE, type Millis } from '@shared/core/time';
import type { Deps } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { changeContactLedger } from './contacts';

/** WeChat: the recipient has not accepted the template (or refused it). */
const NOT_SUBSCRIBED = 43101;

export type PushOutcome = 'sent' | 'inAppOnly' | 'sending' | 'unchanged';

/**
 * Pushes one notice whose push is due as a subscription message, at most once ever (DOMAIN §10):
 * with the template of its kind, when the recipient holds a credit for it. The credit is spent and the
 * send claimed in one write of the recipient's contact ledger, under the version read (as the
 * follow-up dispatcher claims), keyed by the notice's id; the message goes out keyed by the notice's
 * id too. No template, no credit, data WeChat would refuse, or a refusal: the notice stays only in the
 * 消息 list, which it is in already. A send whose outcome is unknown is never repeated.
 */
export async function pushNotice(deps: Pick<Deps, 'messenger' | 'log'>, store: Stores, notice: Notice, settings: NotifySettings, now: Millis): Promise<PushOutcome> {
  const { push } = notice;
  if (push.state === 'sent' || push.state === 'inAppOnly') return 'unchanged';
  const template = templateFor(settings, notice.kind);
  const key = pushClaimKey(notice._id);
  const lease = settings.claimLeaseMinutes * MINUTE;
  const settle = (next: Partial<NoticePush>, miss: PushMiss | null = null) =>
    record(store, notice, { ...push, ...next, miss, settledAt: now, state: miss ? 'inAppOnly' : 'sent' }, null);

  // a send claimed before (this run or another) is never sent again: it settles once its lease lapses
  const ledger = await store.contacts.get(notice.to);
  const earlier = claimOf(ledger, key);
  if (push.state === 'sending' || earlier) {
    const claimedAt = earlier?.claimedAt ?? push.dueAt;
    if (now - claimedAt < lease) return (await record(store, notice, { ...push, state: 'sending' }, claimedAt + lease)) ? 'sending' : 'unchanged';
    return (await settle({ templateId: earlier?.templateId ?? push.templateId }, 'sendUnknown')) ? 'inAppOnly' : 'unchanged';
  }
  if (!template) return (await settle({}, 'noTemplate')) ? 'inAppOnly' : 'unchanged';
  const data = noticeData(template, notice);
  const problems = checkTemplateData(data);
  if (Object.keys(problems).length > 0) {
    deps.log.error('notice not pushed: the template data would be refused; fix settings/notify.templates', { noticeId: notice._id, templateId: template.id, fields: problems });
    return (await settle({ templateId: template.id }, 'badData')) ? 'inAppOnly' : 'unchanged';
  }
  if (creditsLeft(ledger, template.id) === 0) return (await settle({ templateId: template.id }, 'noCredit')) ? 'inAppOnly' : 'unchanged';

  // the claim: the credit spent and the send remembered in one write, only over the ledger as read
  const tried: { claim: 'mine' | 'another' | 'noCredit' } = { claim: 'noCredit' };
  await changeContactLedger(store, notice.to, (current) => {
    const spent = current && spendCredit(current, template.id, key, now, { countDay: false });
    tried.claim = spent ? 'mine' : claimOf(current, key) ? 'another' : 'noCredit';
    return spent ?? current;
  });
  const { claim } = tried;
  // another run claimed it between our read and our write: that run sends it and records the outcome
  if (claim === 'another') return 'unchanged';
  if (claim === 'noCredit') return (await settle({ templateId: template.id }, 'noCredit')) ? 'inAppOnly' : 'unchanged';

  let outcome;
  try {
    // WeChat wants the page without its leading slash ('pages/repair/index?id=…')
    outcome = await deps.messenger.send({ touser: notice.to, templateId: template.id, page: notice.page.replace(/^\//, ''), data }, notice._id);
  } catch (error) {
    deps.log.error('notice push: no answer from WeChat; it will not be sent again', { noticeId: notice._id, error: error instanceof Error ? error.message : String(error) });
    await record(store, notice, { ...push, state: 'sending', templateId: template.id }, now + lease);
    return 'sending';
  }
  if (outcome.sent) return (await settle({ templateId: template.id })) ? 'sent' : 'unchanged';
  if (outcome.errcode === NOT_SUBSCRIBED) await changeContactLedger(store, notice.to, (current) => current && zeroCredits(current, template.id, now));
  else deps.log.error('notice push refused by WeChat', { noticeId: notice._id, templateId: template.id, errcode: outcome.errcode, errmsg: outcome.errmsg });
  const miss: PushMiss = outcome.errcode === NOT_SUBSCRIBED ? 'refused' : 'sendFailed';
  return (await settle({ templateId: template.id, errcode: outcome.errcode }, miss)) ? 'inAppOnly' : 'unchanged';
}

/**
 * Writes the push's new state only over the notice as it was read (its push state and due time), and
 * only those two fields: the recipient may mark it read meanwhile.
 */
async function record(store: Stores, read: Notice, push: NoticePush, pushAt: Millis | null): Promise<boolean> {
  const where = { _id: read._id, 'push.state': read.push.state, pushAt: read.pushAt };
  return (await store.notices.updateWhere(where, { push: store.command.set(push), pushAt })) > 0;
}
