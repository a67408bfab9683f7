/**
 * Marketing campaigns, end to end in the H5 build: 李女士 agrees to marketing by WeChat message on the
 * consent screen and accepts the marketing template in the dialog that tap opens (and once more); the admin's campaign
 * (defined with the `campaign` function as 周行政, approved on the campaign list by the second admin 钱主任, its timer run)
 * goes out and lands in the outbox, opening the consent screen;
 * from that landing page she withdraws with one tap; the admin's next campaign skips her, and the
 * admin's campaign list shows what became of both, and her 我的数据 lists the message she was sent.
 * Screenshots: e2e/screenshots/campaign-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, fingerTap, openHome, see, tap, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const ADMIN = 'demo-admin';
/** the second admin, who approves what 周行政 defines before it goes out (004 4.5) */
const APPROVER = 'demo-admin-qian';
const MARKETING_TEMPLATE = 'demo-tmpl-marketing';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

async function ok(pathname: string, body: unknown, openid?: string) {
  const answer = await host.post(pathname, body, openid);
  if (!answer.ok) throw new Error(`${pathname} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

type OutboxMessage = { _id: string; touser: string; templateId: string; page: string; data: Record<string, { value: string }> };
async function marketingTo(openid: string): Promise<OutboxMessage[]> {
  const { messages } = (await host.get('/api/dev/outbox')).data as { messages: OutboxMessage[] };
  return messages.filter((m) => m.touser === openid && m.templateId === MARKETING_TEMPLATE);
}

/**
 * An offer to everyone by WeChat message, at the host's current time, and the campaign timer run until
 * it has nothing left for today; then on to the next days' first windows while anything waits (her
 * service follow-ups go first under the daily cap). Answers the campaign's counts.
 */
async function sendCampaign(title: string) {
  await ok('/api/dev/clock', { toContactWindow: true });
  const { now } = (await host.get('/api/dev/clock')).data as { now: number };
  const { campaign } = await ok('/api/functions/campaign', { action: 'define', kind: 'offer', title, body: '老客户局部翻新享九折，本月有效', channel: 'subscription', sendAt: now }, ADMIN);
  // nothing goes out before the second admin approves it, which 钱主任 does on her campaign list
  const before = (await marketingTo(LI)).length;
  await ok('/api/dev/timers/campaign', {});
  expect(await marketingTo(LI)).toHaveLength(before);
  const approver = await openAppAs(APPROVER, '钱主任');
  await tap(approver, '#entry-staff-campaigns');
  await waitForRoute(approver, '/staff/campaigns/index');
  await see(approver, `#campaign-approval-${campaign._id}`, '等待另一位管理员审批');
  if (title === '春季焕新优惠') await capture(approver, 'campaign-0-approve');
  await fingerTap(approver, `#campaign-approve-${campaign._id}`);
  await see(approver, `#campaign-approval-${campaign._id}`, '钱主任');
  await approver.context().close();
  for (let day = 0; day < 3; day++) {
    await ok('/api/dev/timers/campaign', {});
    const { campaigns } = await ok('/api/functions/campaign', { action: 'list' }, ADMIN);
    const mine = campaigns.find((c: { _id: string }) => c._id === campaign._id);
    if (mine.status === 'expanded' && mine.counts.pending === 0) return mine.counts;
    await ok('/api/dev/clock', { advanceDays: 1 });
    await ok('/api/dev/clock', { toContactWindow: true });
    await ok('/api/dev/timers/dispatch', {});
  }
  throw new Error(`campaign ${title} still has sends waiting after 3 days`);
}

describe('a marketing campaign reaches only a homeowner who agreed, and one tap in the message stops the next', () => {
  test('李女士 agrees, receives the offer, withdraws from the message’s page, and the next offer skips her', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, '#entry-consent');
    await waitForRoute(page, '/pages/consent/index');
    // nothing is on until she turns it on, and nothing about marketing messages is asked before that
    await see(page, '#consent-subscription-state', '未同意');
    expect(await page.locator('#consent-marketing').count()).toBe(0);
    // agreeing to 微信消息 asks WeChat for the marketing template in the same tap (the H5 stand-in of its dialog)
    await tap(page, '#consent-subscription-grant');
    await see(page, '#subscribe-dialog', '发送一次“优惠与活动消息”');
    await capture(page, 'campaign-1-consent-dialog');
    await tap(page, '#subscribe-allow');
    await see(page, '#consent-subscription-state', /已同意/);
    await see(page, '#consent-marketing-credits', '您已允许接收 1 条');
    // WeChat: one "允许", one message; she allows a second one
    await tap(page, '#consent-marketing-ask');
    await see(page, '#subscribe-dialog', '优惠与活动消息');
    await tap(page, '#subscribe-allow');
    await see(page, '#consent-marketing-credits', '您已允许接收 2 条');
    await capture(page, 'campaign-1-consent-granted');
    const { marketingTemplate } = await ok('/api/functions/privacy', { action: 'consent' }, LI);
    expect(marketingTemplate).toEqual({ templateId: MARKETING_TEMPLATE, label: '优惠与活动消息', credits: 2 });

    const first = await sendCampaign('春季焕新优惠');
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const received = await marketingTo(LI);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ page: 'pages/consent/index?via=message', data: { thing1: { value: '春季焕新优惠' }, thing3: { value: '点开可一键退订' } } });

    // she opens the message: the mini-program starts on the consent screen, which offers the one-tap withdrawal
    await page.context().close();
    const landing = await phoneAs(browser, host.url, LI);
    await landing.goto(`${host.url}/#/${received[0].page}`);
    await waitForRoute(landing, '/pages/consent/index');
    await see(landing, '.banner--info', '不想再收到这类消息');
    await see(landing, '#consent-subscription-state', /已同意/);
    await capture(landing, 'campaign-2-landing-from-message');
    await tap(landing, '#consent-subscription-withdraw');
    await see(landing, '#consent-subscription-state', /不接收/);
    await see(landing, '#consent-history .consent-history__item', '撤回通过微信消息接收营销信息');
    await capture(landing, 'campaign-3-withdrawn-from-message');
    const { history } = await ok('/api/functions/privacy', { action: 'consent' }, LI);
    expect(history[0]).toMatchObject({ decision: 'withdrawn', channel: 'subscription', how: 'messageLink' });

    // the next campaign: she still has a credit of the template, but no consent: nothing goes to her
    const second = await sendCampaign('夏季水电检修活动');
    expect(second.skipped).toBeGreaterThanOrEqual(1);
    expect(await marketingTo(LI)).toHaveLength(1);

    // 我的数据 lists the one marketing message she was sent, and not the one that skipped her
    await landing.goto(`${host.url}/#/pages/my-data/index`);
    await waitForRoute(landing, '/pages/my-data/index');
    await see(landing, '#held-data-marketing', '春季焕新优惠');
    await see(landing, '#held-data-marketing', '微信消息');
    expect(await landing.locator('#held-data-marketing').innerText()).not.toContain('夏季水电检修活动');
    await capture(landing, 'campaign-5-my-data-marketing');

    // the admin reads what became of both on the campaign list
    const admin = await openAppAs(ADMIN, '周行政');
    await tap(admin, '#entry-staff-campaigns');
    await waitForRoute(admin, '/staff/campaigns/index');
    await see(admin, '#staff-campaigns', '夏季水电检修活动');
    await see(admin, '#staff-campaigns', '春季焕新优惠');
    await see(admin, '#staff-campaigns', `已发 ${second.sent} · 等待 0 · 未发 ${second.skipped}`);
    await see(admin, '#staff-campaigns', `未发的 ${second.skipped} 位中，${second.skippedNoConsent} 位轮到时没有同意营销`);
    await see(admin, '#staff-campaigns', '周行政 创建，钱主任');
    // she defined them: nothing on her list asks her to approve her own
    expect(await admin.locator('[id^="campaign-approve-"]').count()).toBe(0);
    await capture(admin, 'campaign-4-admin-list');
  });
});
