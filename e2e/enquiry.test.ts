/**
 * 咨询与建议 end to end, in the H5 build: 李女士 sends a suggestion and is given its reference and the
 * 24-hour promise; 徐客服 finds it in 待回复 and answers it; 李女士 sees the answer in 消息 and on the
 * page the notice opens. 徐客服 also registers an enquiry taken by phone and answered on the spot.
 * Screenshots: e2e/screenshots/enquiry-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, openHome, see, tap, type, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const XU = 'demo-cs-xu';
const REPLY = '已采纳：从下周一起，项目经理每天收工后在业主群里发当天的工地照片';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
/** the suggestion 李女士 sends in the first test */
let enquiryId = '';

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

describe('咨询与建议: sent, answered within 24 hours, and the answer seen', () => {
  test('a homeowner sends a suggestion and is given its reference and the 24-hour promise', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, '#entry-enquiry');
    await waitForRoute(page, '/pages/enquiry/index');
    await see(page, '#my-enquiries', '还没有记录');
    await tap(page, '#enquiry-submit');
    await see(page, '#enquiry-form .field__error', '请选择咨询、建议或服务需求');
    await tap(page, '#enquiry-kind-suggestion');
    await type(page, 'enquiry-text', '希望工地每天收工后拍一张照片发到业主群里，我们上班没空去看');
    await capture(page, 'enquiry-1-form');
    await tap(page, '#enquiry-submit');
    const ref = await see(page, '#enquiry-thanks-ref', /ZX-\d{8}-0001/);
    await see(page, '#enquiry-thanks-promise', '客服会在 24 小时内回复');
    await see(page, '#enquiry-thanks-promise', '回复会出现在这里和「消息」里');
    const mine = await host.post('/api/functions/enquiry', { action: 'mine' }, LI);
    enquiryId = mine.data.enquiries[0].id;
    expect(ref).toContain(mine.data.enquiries[0].ref);
    await see(page, `#enquiry-card-${enquiryId}`, '待回复');
    await see(page, `#enquiry-due-${enquiryId}`, /客服会在 \d+月\d+日 \d{2}:\d{2} 前回复/);
    await capture(page, 'enquiry-2-thanks');
    await page.context().close();
  });

  test('customer service finds it in 待回复 and answers it, once', async () => {
    const page = await openAppAs(XU, '徐客服');
    await tap(page, '#entry-staff-enquiries');
    await waitForRoute(page, '/staff/enquiries/index');
    await see(page, `#enquiry-card-${enquiryId}`, '工地每天收工后拍一张照片');
    await see(page, `#enquiry-who-${enquiryId}`, /李女士 138\*\*\*\*8001/);
    await capture(page, 'enquiry-3-desk');
    await type(page, `reply-text-${enquiryId}`, REPLY);
    await tap(page, `#reply-submit-${enquiryId}`);
    // answered: it leaves 待回复, which is empty again
    await see(page, '.state--empty', '没有待回复的咨询和建议');
    expect(await page.locator(`#reply-form-${enquiryId}`).filter({ visible: true }).count()).toBe(0);
    await tap(page, '#desk-tab-answered');
    await see(page, `#enquiry-reply-${enquiryId}`, REPLY);
    await capture(page, 'enquiry-4-answered');
    const again = await host.post('/api/functions/enquiry', { action: 'reply', enquiryId, text: '再补充一句' }, XU);
    expect(again).toMatchObject({ ok: false, code: 'ENQUIRY.ALREADY_ANSWERED' });
    await page.context().close();
  });

  test('the homeowner sees the answer in 消息, and the notice opens it', async () => {
    const page = await openAppAs(LI, '李女士');
    await see(page, '#entry-notices', /\d+ 条未读/);
    await tap(page, '#entry-notices');
    await waitForRoute(page, '/pages/notices/index');
    await see(page, '#notice-enquiry\\.replied', '您的建议有回复了');
    await see(page, '#notice-enquiry\\.replied', '客服回复：已采纳');
    await capture(page, 'enquiry-5-notice');
    await tap(page, '#notice-enquiry\\.replied');
    await waitForRoute(page, '/pages/enquiry/index');
    await see(page, `#enquiry-reply-${enquiryId}`, REPLY);
    await see(page, `#enquiry-card-${enquiryId}`, '已回复');
    await capture(page, 'enquiry-6-reply-seen');
    await page.context().close();
  });

  test('customer service registers an enquiry taken by phone and answered on the spot', async () => {
    const page = await openAppAs(XU, '徐客服');
    await tap(page, '#entry-staff-enquiries');
    await tap(page, '#desk-tab-phone');
    const box = page.locator('#project-search input').filter({ visible: true }).first();
    await box.click();
    await box.fill('翠湖');
    await tap(page, '#project-search-submit');
    await tap(page, '#project-hit-demo-project-cuihu');
    await see(page, '#project-chosen', '翠湖花园');
    await tap(page, '#phone-enquiry-kind-enquiry');
    await type(page, 'phone-enquiry-text', '问水电验收时需要业主本人到场吗');
    await type(page, 'phone-enquiry-reply', '需要，验收当天上午 9 点项目经理在现场等您');
    await capture(page, 'enquiry-7-phone');
    await tap(page, '#phone-enquiry-submit');
    await see(page, '#desk-answered', '问水电验收时需要业主本人到场吗');
    await see(page, '#desk-answered', '电话登记');
    await capture(page, 'enquiry-8-phone-logged');
    await page.context().close();
  });
});
