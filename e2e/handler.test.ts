/**
 * 首问负责制 end to end, in the H5 build: a homeowner files a complaint saying what she wants done,
 * and her complaint page names its handler (处理人 刘经理), its reference and the 受理函; the
 * engineering manager finds it under 指派给我, and by its reference from the search box; the site
 * manager finds a repair by the reference a homeowner reads out. Screenshots: e2e/screenshots/handler-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, openHome, route, see, tap, type, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const LIU = 'demo-dm-engineering';
const ZHANG = 'demo-sm-zhang';
const CUIHU = 'demo-project-cuihu';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
let complaintId = '';
let complaintRef = '';

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

/** Types into a Taro Input (the real <input> inside the component). */
async function typeLine(page: Page, id: string, text: string): Promise<void> {
  const box = page.locator(`#${id} input, input#${id}`).filter({ visible: true }).first();
  await box.waitFor({ state: 'visible' });
  await box.click();
  await box.fill(text);
}

describe('a named handler, and references read out on the phone', () => {
  test('the homeowner files a complaint with the remedy she wants, and sees its reference, its handler 刘经理 and the 受理函', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, `#new-complaint-${CUIHU}`);
    await tap(page, '#complaint-category-materials');
    await tap(page, '#complaint-category-constructionQuality');
    await type(page, 'complaint-description', '主卧木地板铺完一周就起拱了，走上去咯吱响');
    await type(page, 'complaint-remedy', '整间重新铺，费用由公司承担');
    await capture(page, 'handler-1-form');
    await tap(page, '#complaint-submit');
    await waitForRoute(page, '/pages/complaint/index');
    complaintId = new URLSearchParams(route(page).split('?')[1]).get('id') ?? '';
    complaintRef = (await see(page, '#complaint-ref', /^TS-\d{8}-\d{4}$/)).trim();
    await see(page, '#complaint-handler-name', '刘经理');
    await see(page, '#complaint-handler-name', '工程部');
    await see(page, '#complaint-remedy', '整间重新铺');
    await see(page, '#complaint-ack-text', `编号 ${complaintRef}`);
    await see(page, '#complaint-ack-text', '处理人：刘经理（工程部）');
    await capture(page, 'handler-2-homeowner-sees-handler');
    await page.context().close();
    // her list: the card names the handler and the reference too
    const again = await openAppAs(LI, '李女士');
    await tap(again, '#entry-my-complaints');
    await see(again, `#complaint-card-${complaintId}`, complaintRef);
    await see(again, `#complaint-card-${complaintId}`, '刘经理（工程部）');
    await again.context().close();
  });

  test('刘经理 finds it under 指派给我, and opens it by the reference the homeowner reads out', async () => {
    const page = await openAppAs(LIU, '刘经理');
    await tap(page, '#entry-staff-assigned');
    await see(page, '#staff-assigned', '业主看到的处理人是您');
    await see(page, `#complaint-card-${complaintId}`, complaintRef);
    await capture(page, 'handler-3-assigned-to-me');
    await typeLine(page, 'complaint-ref-search', complaintRef.toLowerCase().replaceAll('-', ' '));
    await tap(page, '#complaint-ref-search-submit');
    await waitForRoute(page, '/staff/complaint/index');
    await see(page, '#complaint-ref', complaintRef);
    await see(page, '#complaint-handler-name', '刘经理');
    await see(page, '#complaint-handler-name', '我');
    await see(page, '#complaint-remedy', '整间重新铺');
    await capture(page, 'handler-4-staff-complaint');
    await page.context().close();
  });

  test('the site manager opens a repair by its reference; a reference that is not his says so', async () => {
    const page = await openAppAs(ZHANG, '张建国');
    const late = await host.post('/api/functions/repair', { action: 'get', ticketId: 'demo-repair-late' }, ZHANG);
    const ref: string = late.data.ticket.ref;
    expect(ref).toMatch(/^BX-\d{8}-0001$/);
    await tap(page, '#entry-staff-queue');
    await see(page, '#ticket-demo-repair-late', ref);
    await typeLine(page, 'repair-ref-search', 'BX-20200101-0001');
    await tap(page, '#repair-ref-search-submit');
    await see(page, '#repair-ref-search-error', '没有找到 BX-20200101-0001');
    await capture(page, 'handler-5-repair-search');
    await typeLine(page, 'repair-ref-search', ref);
    await tap(page, '#repair-ref-search-submit');
    await waitForRoute(page, '/staff/ticket/index');
    await see(page, '#repair-ref', ref);
    await page.context().close();
  });
});
