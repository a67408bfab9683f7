import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { campaignFunction as campaign } from '../../cloudfunctions/campaign/handler';
import { campaignTimer } from '../../cloudfunctions/campaign/timer';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { PEOPLE, secondAdmin, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, admin } = PEOPLE;
const TEMPLATE = { id: 'tpl-mkt', fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } };

const consent = (w: World, who: string, channel: string, decision: 'granted' | 'withdrawn') =>
  w.call(privacy, who, { action: 'setConsent', channel, decision, noticeVersion: PRIVACY_NOTICE_VERSION });
async function define(w: World, title: string, channel: string, sendAt: string) {
  const made = await w.call(campaign, admin._id, { action: 'define', kind: 'offer', title, body: '老客户局部翻新享九折，本月有效', channel, sendAt: at(sendAt) });
  return made.ok ? w.call(campaign, await secondAdmin(w), { action: 'approve', campaignId: made.data.campaign._id }) : made;
}
async function runAt(w: World, iso: string) {
  w.clock.set(iso);
  return campaignTimer(w.deps)();
}
const myData = async (w: World, who: string) => (await w.call(privacy, who, { action: 'myData' })).data.copy;

describe('the consent screen offers the marketing template only to go with 微信消息 consent', () => {
  it('privacy.consent names the configured marketing template with the messages she has allowed, which only her standing consent lets her collect', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    expect((await w.call(privacy, owner._id, { action: 'consent' })).data.marketingTemplate).toBeNull();
    await w.db.collection('settings').doc('campaign').set({ template: TEMPLATE });
    expect((await w.call(privacy, owner._id, { action: 'consent' })).data.marketingTemplate).toEqual({ templateId: 'tpl-mkt', label: '优惠与活动消息', credits: 0 });
    // accepted in WeChat's dialog before her consent is saved: nothing is collected
    await w.call(followup, owner._id, { action: 'subscribed', results: { [TEMPLATE.id]: 'accept' } });
    expect((await w.call(privacy, owner._id, { action: 'consent' })).data.marketingTemplate.credits).toBe(0);
    const granted = await consent(w, owner._id, 'subscription', 'granted');
    expect(granted.data).toMatchObject({ changed: true, marketingTemplate: { templateId: 'tpl-mkt', credits: 0 } });
    await w.call(followup, owner._id, { action: 'subscribed', results: { [TEMPLATE.id]: 'accept' } });
    expect((await w.call(privacy, owner._id, { action: 'consent' })).data.marketingTemplate.credits).toBe(1);
    // another homeowner's screen shows only her own
    expect((await w.call(privacy, otherOwner._id, { action: 'consent' })).data.marketingTemplate.credits).toBe(0);
  });
});

describe('我的数据 lists the marketing messages the company sent her', () => {
  it('each message sent — when, which campaign, which channel — is in the data view and the JSON copy; skipped ones and other people’s are not', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await w.db.collection('settings').doc('campaign').set({ template: TEMPLATE });
    expect((await myData(w, owner._id)).marketingMessages).toEqual([]);
    await consent(w, owner._id, 'subscription', 'granted');
    await consent(w, owner._id, 'sms', 'granted');
    await w.call(followup, owner._id, { action: 'subscribed', results: { [TEMPLATE.id]: 'accept' } });
    const spring = (await define(w, '春季焕新优惠', 'subscription', '2026-03-02T10:00:00+08:00')).data.campaign;
    await runAt(w, '2026-03-02T10:05:00+08:00');
    const water = (await define(w, '夏季水电检修活动', 'sms', '2026-03-03T10:00:00+08:00')).data.campaign;
    await runAt(w, '2026-03-03T10:05:00+08:00');
    // no credit left for a second WeChat message: skipped, so not listed
    await define(w, '国庆节问候', 'subscription', '2026-03-04T10:00:00+08:00');
    await runAt(w, '2026-03-04T10:05:00+08:00');

    const copy = await myData(w, owner._id);
    expect(copy.marketingMessages).toEqual([
      { campaignId: water._id, title: '夏季水电检修活动', channel: 'sms', channelLabel: '短信', sentAt: at('2026-03-03T10:05:00+08:00') },
      { campaignId: spring._id, title: '春季焕新优惠', channel: 'subscription', channelLabel: '微信消息', sentAt: at('2026-03-02T10:05:00+08:00') },
    ]);
    // 王先生 agreed to nothing: nothing was sent to him, and he does not see hers
    expect((await myData(w, otherOwner._id)).marketingMessages).toEqual([]);
  });

  it('only the homeowner reads her own list', async () => {
    const w = await world();
    for (const who of [PEOPLE.cs, PEOPLE.sm, admin]) expect(await w.call(privacy, who._id, { action: 'myData' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
