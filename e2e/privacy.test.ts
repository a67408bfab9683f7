/**
 * 营销同意与我的数据, in the H5 build: 李女士 opens the consent screen from her home page (nothing is
 * ticked), agrees to marketing by WeChat message, withdraws it with one tap, turns 勿扰 on and sees
 * every choice in her history; the sender's check at send time follows each step. Then she opens 我的
 * 数据, downloads her copy as JSON and corrects her phone number. A homeowner who has not agreed to
 * the privacy notice sees it before choosing the first photo. Screenshots: e2e/screenshots/privacy-*.png.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, confirmModal, openHome, see, tap, TOAST, UI, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const ZHAO = 'demo-homeowner-zhao';
const XU = 'demo-cs-xu';
const WANG = 'demo-homeowner-wang';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

const openAppAs = (openid: string, name: string, privacyAgreed = true): Promise<Page> => openHome(browser, host.url, openid, name, { privacyAgreed });

async function consentOf(openid: string) {
  const answer = await host.post('/api/functions/privacy', { action: 'consent' }, openid);
  if (!answer.ok) throw new Error(`privacy.consent failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

describe('营销同意: grant, withdraw with one tap, 勿扰, history', () => {
  test('the consent screen is one tap from the home page, and nothing is ticked', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, '#entry-consent');
    await waitForRoute(page, '/pages/consent/index');
    for (const channel of ['subscription', 'sms', 'phone']) await see(page, `#consent-${channel}-state`, '未同意');
    await see(page, '#dnd-state', '未开启');
    await see(page, '#consent-history', '还没有记录');
    await see(page, '#consent-channels', '拒绝营销不会影响您享受的任何服务');
    await capture(page, 'privacy-1-consent-empty');

    await tap(page, '#consent-subscription-grant');
    // the same tap asks WeChat for the marketing template; she may say no there, and her consent still stands
    await see(page, '#subscribe-dialog', '优惠与活动消息');
    await tap(page, '#subscribe-cancel');
    await see(page, '#consent-subscription-state', /已同意/);
    await see(page, '#consent-marketing-credits', '现在还不能发给您');
    await see(page, '#consent-history .consent-history__item', '同意通过微信消息接收营销信息');
    expect((await consentOf(LI)).state.marketing.subscription.granted).toBe(true);
    await capture(page, 'privacy-2-consent-granted');

    // withdrawing is one tap, and takes effect at once
    await tap(page, '#consent-subscription-withdraw');
    await see(page, '#consent-subscription-state', /不接收/);
    expect((await consentOf(LI)).state.marketing.subscription.granted).toBe(false);

    await tap(page, '#dnd-switch');
    await see(page, '#dnd-state', /已开启/);
    const items = page.locator('#consent-history .consent-history__item').filter({ visible: true });
    await expect(items.allInnerTexts()).resolves.toEqual([
      expect.stringContaining('开启勿扰'),
      expect.stringContaining('撤回通过微信消息接收营销信息'),
      expect.stringContaining('同意通过微信消息接收营销信息'),
    ]);
    await see(page, '#consent-history', '本人在小程序中操作');
    const state = await consentOf(LI);
    expect(state.history).toHaveLength(3);
    expect(state.state.doNotDisturb.on).toBe(true);
    await capture(page, 'privacy-3-consent-history');

    await tap(page, '#consent-notice-link');
    await waitForRoute(page, '/pages/privacy/index');
    await see(page, '#notice-retention', '保存多久');
    await see(page, '#notice-rights', '我的数据');
    await capture(page, 'privacy-4-notice');
  });
});

describe('我的数据: see, download, correct', () => {
  test('李女士 sees what is held, downloads a JSON copy and corrects her phone', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, '#entry-my-data');
    await waitForRoute(page, '/pages/my-data/index');
    await see(page, '#profile-name', '李女士');
    await see(page, '#profile-phone', '13800138001');
    await see(page, '#held-data', '杭州市西湖区翠湖花园 3 幢 1201 室');
    await see(page, '#deletion', '原因');
    await capture(page, 'privacy-5-my-data');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: UI }), tap(page, '#my-data-download')]);
    expect(download.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const copy = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(copy.profile).toMatchObject({ name: '李女士', phone: '13800138001' });
    expect(copy.projects[0]).toMatchObject({ address: '杭州市西湖区翠湖花园 3 幢 1201 室' });
    expect(copy.consent.history).toHaveLength(3);

    await tap(page, '#profile-edit');
    const phone = page.locator('#profile-phone-input input').filter({ visible: true }).first();
    await phone.fill('1391234');
    await tap(page, '#profile-save');
    await see(page, '#profile .field__error', '11 位手机号');
    await phone.fill('13912345678');
    await tap(page, '#profile-save');
    await see(page, '#profile-phone', '13912345678');
    await page.locator(TOAST).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: UI });
    const me = await host.post('/api/functions/privacy', { action: 'myData' }, LI);
    expect(me.data.copy.profile.phone).toBe('13912345678');
    await capture(page, 'privacy-6-corrected');
  });
});

describe('客服 records what a homeowner says on a call', () => {
  test('on 王先生\'s phone follow-up 徐客服 records that he wants no marketing SMS either, and he sees who recorded it', async () => {
    // 10:00 China time tomorrow, inside a contact window: the dispatcher turns his follow-ups whose window
    // passed into phone tasks
    const { data } = await host.get('/api/dev/clock');
    const tenTomorrow = Math.ceil((data.now + 8 * 3_600_000) / 86_400_000) * 86_400_000 + 2 * 3_600_000;
    expect((await host.post('/api/dev/clock', { set: tenTomorrow })).ok).toBe(true);
    await host.post('/api/dev/timers/dispatch', {});
    const calls = await host.post('/api/functions/followup', { action: 'calls' }, XU);
    const task = calls.data.tasks.find((t: { homeownerName: string }) => t.homeownerName === '王先生');
    expect(task).toBeTruthy();

    const page = await openAppAs(XU, '徐客服');
    await page.goto(`${host.url}/#/staff/call/index?id=${encodeURIComponent(task.id)}`);
    // the demo ledger: WeChat messages agreed in the mini-program, marketing calls refused by phone
    await see(page, '#phone-consent-subscription', '已同意');
    await see(page, '#phone-consent-phone', '不接收');
    await see(page, '#phone-consent-sms', '未同意');
    await tap(page, '#phone-consent-sms-refuse');
    await see(page, '#phone-consent-sms', '不接收');
    await page.locator(TOAST).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: UI });
    await page.locator('#phone-consent').filter({ visible: true }).first().scrollIntoViewIfNeeded();
    await capture(page, 'privacy-8-phone-consent');

    const wang = await consentOf(WANG);
    expect(wang.history[0]).toMatchObject({ channel: 'sms', decision: 'withdrawn', how: 'phone', recordedBy: { id: XU, name: '徐客服' } });
    const his = await openAppAs(WANG, '王先生');
    await tap(his, '#entry-consent');
    await see(his, '#consent-sms-state', '不接收');
    await see(his, '#consent-history .consent-history__item', '电话告知客服，客服徐客服登记');
    await capture(his, 'privacy-9-history-by-phone');
  });
});

describe('删除: personal fields erased at once, and what is kept is explained', () => {
  test('赵女士 asks for deletion, confirms, and sees her name and phone gone and why the rest is kept', async () => {
    const page = await openAppAs(ZHAO, '赵女士');
    await tap(page, '#entry-my-data');
    await waitForRoute(page, '/pages/my-data/index');
    await see(page, '#profile-name', '赵女士');
    await tap(page, '#deletion-request');
    await confirmModal(page, '无法恢复');
    await see(page, '#deletion-state', /已于 .* 删除/);
    await see(page, '#profile-name', '已匿名业主');
    await see(page, '#profile-phone', '（已删除）');
    await see(page, '#deletion', '属于会计和合同档案');
    await capture(page, 'privacy-10-deleted');
    const zhao = await host.post('/api/functions/privacy', { action: 'myData' }, ZHAO);
    expect(zhao.data.copy.profile).toMatchObject({ name: '已匿名业主', phone: '' });
    expect(zhao.data.copy.projects[0]).toMatchObject({ address: '' });
  });
});

describe('意向客户: calls at the class cadence, only with consent, stop ends them', () => {
  test('徐客服 registers a showroom visitor, calls him two days later, and stops when he says so', async () => {
    // 10:00 China time on the next day: two days on is inside the morning contact window
    const before = (await host.get('/api/dev/clock')).data.now;
    const ten = Math.ceil((before + 8 * 3_600_000) / 86_400_000) * 86_400_000 + 2 * 3_600_000;
    expect((await host.post('/api/dev/clock', { set: ten })).ok).toBe(true);
    const page = await openAppAs(XU, '徐客服');
    await tap(page, '#entry-staff-prospects');
    await waitForRoute(page, '/staff/prospects/index');
    await page.locator('#prospect-name input').filter({ visible: true }).first().fill('孙先生');
    await page.locator('#prospect-phone input').filter({ visible: true }).first().fill('13712345678');
    await tap(page, '#prospect-class-B');
    await tap(page, '#prospect-visit-yes');
    await tap(page, '#prospect-consent-yes');
    await capture(page, 'privacy-11-prospect-form');
    await tap(page, '#prospect-submit');
    await see(page, '#staff-prospects .staff-summary', '现在没有要打的意向客户电话');

    const { data } = await host.get('/api/dev/clock');
    expect((await host.post('/api/dev/clock', { set: data.now + 2 * 86_400_000 + 3_600_000 })).ok).toBe(true);
    await page.reload();
    await see(page, '#staff-prospects .staff-summary', '1 位意向客户现在该打电话了');
    await see(page, '#staff-prospects .card', '孙先生 · B 类');
    await capture(page, 'privacy-12-prospect-due');
    const [due] = (await host.post('/api/functions/prospect', { action: 'queue' }, XU)).data.prospects;
    await tap(page, `#prospect-${due._id}-stop`);
    await confirmModal(page, '停止后不会再安排电话');
    await see(page, '#staff-prospects .staff-summary', '现在没有要打的意向客户电话');
    expect((await host.post('/api/functions/prospect', { action: 'queue' }, XU)).data.prospects).toEqual([]);
  });
});

describe('隐私说明 before the first privacy-relevant use', () => {
  test('a homeowner who has not agreed sees the notice before choosing a photo, and the picker opens once she agrees', async () => {
    const page = await openAppAs(LI, '李女士', false);
    await page.goto(`${host.url}/#/pages/repair-new/index`);
    await tap(page, '#repair-photo-add');
    await see(page, '#privacy-popup', '我们为什么使用您的信息');
    await see(page, '#privacy-popup', '拒绝营销也不会影响这些服务');
    await capture(page, 'privacy-7-popup');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: UI }), tap(page, '#privacy-agree')]);
    expect(chooser).toBeTruthy();
    expect(await page.locator('#privacy-popup').filter({ visible: true }).count()).toBe(0);
    expect(await page.evaluate(`window.localStorage.getItem('huifang.privacyAgreed')`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
