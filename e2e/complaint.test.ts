/**
 * 投诉 end to end, in the H5 build: a homeowner files a complaint about construction quality, the
 * engineering department proposes a resolution, she rejects it, the customer-service review level
 * sees it and proposes again, she accepts; and an unanswered complaint climbs a level by itself once
 * the escalation timer finds it late. Screenshots: e2e/screenshots/complaint-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, confirmModal, openHome, route, see, tap, type, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const LIU = 'demo-dm-engineering';
const XU = 'demo-cs-xu';
const CUIHU = 'demo-project-cuihu';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
/** the complaint 李女士 files in the first test and the others work on */
let complaintId = '';

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

/** Opens the complaint from a list the way a person would: tapping its card. */
async function openFromList(page: Page, entry: string, id: string): Promise<void> {
  await tap(page, entry);
  await tap(page, `#complaint-card-${id}`);
  await see(page, '#complaint-status', /./);
}

describe('投诉, through the escalation ladder and back', () => {
  test('a homeowner files a complaint naming the project manager, and sees who answers and by when', async () => {
    const page = await openAppAs(LI, '李女士');
    await tap(page, `#new-complaint-${CUIHU}`);
    await tap(page, '#complaint-category-constructionQuality');
    await see(page, '#complaint-route', '工程部');
    await tap(page, '#complaint-staff-projectManager');
    await type(page, 'complaint-description', '卫生间墙砖大面积空鼓，敲起来声音发空，担心以后会掉下来');
    await type(page, 'complaint-remedy', '整面墙重新铺贴');
    await tap(page, '#complaint-submit');
    await waitForRoute(page, '/pages/complaint/index');
    complaintId = new URLSearchParams(route(page).split('?')[1]).get('id') ?? '';
    expect(complaintId).not.toBe('');
    await see(page, '#complaint-status', '等待答复');
    await see(page, '#complaint-handler', '工程部');
    await see(page, '#complaint-deadline', /前答复/);
    await see(page, '#complaint-staff', '张建国');
    await see(page, '#ladder-step-0', '工程部');
    await capture(page, 'complaint-1-filed');
    await page.context().close();
  });

  test('the engineering manager finds it in the queue and proposes a resolution', async () => {
    const page = await openAppAs(LIU, '刘经理');
    await openFromList(page, '#entry-staff-complaints', complaintId);
    await tap(page, '#complaint-propose');
    await type(page, 'propose-text', '本周六上午派瓦工免费重新铺贴空鼓的墙砖，并检查整面墙');
    await tap(page, '#propose-submit');
    await see(page, '#complaint-status', '待业主确认方案');
    await see(page, '#complaint-proposal-text', '免费重新铺贴');
    await capture(page, 'complaint-2-proposed');
    await page.context().close();
  });

  test('the homeowner rejects it with a reason, and it goes up to the customer-service review', async () => {
    const page = await openAppAs(LI, '李女士');
    await openFromList(page, '#entry-my-complaints', complaintId);
    await see(page, '#complaint-proposal-text', '免费重新铺贴');
    await tap(page, '#complaint-reject');
    await type(page, 'reject-reason', '只补空鼓的几块不行，整面墙都要重新铺贴');
    await tap(page, '#reject-submit');
    await see(page, '#complaint-handler', '客服部（第 1 次复审）');
    expect(await page.locator('#ladder-step-1').filter({ visible: true }).first().getAttribute('data-state')).toBe('current');
    await capture(page, 'complaint-3-rejected');
    await page.context().close();
  });

  test('customer service, the next level, sees it and proposes a new resolution', async () => {
    const page = await openAppAs(XU, '徐客服');
    await openFromList(page, '#entry-staff-complaints', complaintId);
    await see(page, '#complaint-timeline', '业主不接受方案');
    await tap(page, '#complaint-propose');
    await type(page, 'propose-text', '整面墙重新铺贴，工期 3 天，期间客服每天回访一次');
    await tap(page, '#propose-submit');
    await see(page, '#complaint-status', '待业主确认方案');
    await capture(page, 'complaint-4-review-proposed');
    await page.context().close();
  });

  test('the homeowner accepts, and the complaint is closed with its whole history', async () => {
    const page = await openAppAs(LI, '李女士');
    await openFromList(page, '#entry-my-complaints', complaintId);
    await tap(page, '#complaint-accept');
    await confirmModal(page, '接受');
    await see(page, '#complaint-status', '已解决');
    await see(page, '#complaint-timeline', '业主接受方案');
    await capture(page, 'complaint-5-closed');
    const answer = await host.post('/api/functions/complaint', { action: 'get', complaintId }, LI);
    expect(answer.data.complaint).toMatchObject({ status: 'closed', level: 1 });
    await page.context().close();
  });

  test('a complaint nobody answers climbs one level once the timer finds it 24 hours late', async () => {
    const filed = await host.post('/api/functions/complaint', { action: 'file', remedy: '尽快上门处理，给个说法', projectId: CUIHU, category: 'materials', description: '橱柜台面有一道裂纹，安装时就有' }, LI);
    const id = filed.data.complaint.id as string;
    await host.post('/api/dev/clock', { advanceHours: 25 });
    expect((await host.post('/api/dev/timers/escalate', {})).data.complaints).toBeGreaterThanOrEqual(1);
    expect((await host.post('/api/dev/timers/escalate', {})).data.complaints).toBe(0);
    const page = await openAppAs(XU, '徐客服');
    await tap(page, '#entry-staff-complaints');
    await see(page, `#complaint-card-${id}`, '橱柜台面');
    await tap(page, `#complaint-card-${id}`);
    await see(page, '#complaint-handler', '客服部');
    await see(page, '#complaint-timeline', '升级到上一级');
    await capture(page, 'complaint-6-escalated');
    await page.context().close();
  });
});
