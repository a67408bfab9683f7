/**
 * What a homeowner can do about an open repair or complaint, and the way out of a dead end, in the H5
 * build: 李女士 adds information and a photo to her repair and then cancels it before anyone accepted it;
 * 张建国 reads what she added in the ticket's history; she adds information to her open complaint, which
 * 刘经理 reads; a ticket that does not exist shows 没有找到 with 返回首页 (no 重试), and every page has
 * the H5 title bar with a way back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { tinyPng } from './photo';
import { capture, confirmModal, see, tap, TOAST, type, UI, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const ZHANG = 'demo-sm-zhang';
const LIU = 'demo-dm-engineering';
const COMPLAINT = 'demo-complaint-site';
const DAY = 24 * 3_600_000;

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
let tmp: string;
let photo: string;
let ticketId = '';

async function openAs(openid: string, hashPath: string): Promise<Page> {
  const page = await phoneAs(browser, host.url, openid);
  await page.goto(`${host.url}/#${hashPath}`);
  return page;
}

async function addPhoto(page: Page, prefix: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: UI }), tap(page, `#${prefix}-photo-add`)]);
  await chooser.setFiles(photo);
  await page.locator(`#${prefix}-photo-0.photo-grid__cell--done`).waitFor({ state: 'visible', timeout: UI });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-e2e-info-'));
  photo = path.join(tmp, 'socket.png');
  fs.writeFileSync(photo, tinyPng());
  // 08:00 China time (the next one), so today's afternoon slot is still ahead
  const { data } = await host.get('/api/dev/clock');
  await host.post('/api/dev/clock', { set: Math.ceil((data.now + 10 * 60_000) / DAY) * DAY });
  const today = String((await host.get('/api/dev/clock')).data.cst).slice(0, 10);
  const filed = await host.post('/api/functions/repair', {
    action: 'create', projectId: 'demo-project-cuihu', category: 'electrical', description: '主卧插座一插电暖器就跳闸',
    photos: [], preferredVisit: { date: today, slot: 'afternoon' },
  }, LI);
  if (!filed.ok) throw new Error(`could not file the repair: ${JSON.stringify(filed)}`);
  ticketId = filed.data.ticket.id;
});

afterAll(async () => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a homeowner adds information to an open repair and cancels it before it is accepted', () => {
  test('李女士 adds a note and a photo to her repair; it shows in the history with the photo', async () => {
    const page = await openAs(LI, `/pages/repair/index?id=${ticketId}`);
    await see(page, '#h5-bar-title', '报修详情');
    await see(page, '#h5-bar-back', '首页');
    await tap(page, '#repair-info-open');
    await type(page, 'repair-info-text', '今天早上客厅的插座也跳闸了，照片是配电箱');
    await addPhoto(page, 'repair-info');
    await tap(page, '#repair-info-submit');
    await see(page, TOAST, '已补充信息');
    const added = await see(page, '#repair-timeline .timeline__item--latest', '业主补充了信息');
    expect(added).toContain('今天早上客厅的插座也跳闸了');
    await page.locator('#repair-timeline .timeline__item--latest .photo-grid__img').first().waitFor({ state: 'visible', timeout: UI });
    await capture(page, 'info-1-repair-added');

    await see(page, '#repair-cancel', '取消报修');
    await tap(page, '#repair-cancel');
    await confirmModal(page, '取消这次报修？');
    await see(page, TOAST, '已取消报修');
    await see(page, '#repair-overview .status-tag', '已取消');
    await see(page, '#repair-timeline .timeline__item--latest', '业主取消了报修');
    expect(await page.locator('#repair-cancel').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('#repair-info-open').filter({ visible: true }).count()).toBe(0);
    await capture(page, 'info-2-repair-cancelled');
    const stored = await host.post('/api/functions/repair', { action: 'get', ticketId }, LI);
    expect(stored.data.ticket).toMatchObject({ status: 'cancelled', nextDeadlineAt: null });
    await page.context().close();
  });

  test('张建国 reads what she added in the ticket’s history, and that she cancelled it', async () => {
    const page = await openAs(ZHANG, `/staff/ticket/index?id=${ticketId}`);
    await see(page, '#h5-bar-title', '报修处理');
    await see(page, '#repair-timeline', '今天早上客厅的插座也跳闸了');
    await see(page, '#repair-timeline', '业主取消了报修');
    await capture(page, 'info-3-staff-sees-history');
    await page.context().close();
  });
});

describe('a homeowner adds information to her open complaint', () => {
  test('李女士 adds a note and a photo to her complaint; 刘经理 reads it in the history', async () => {
    const page = await openAs(LI, `/pages/complaint/index?id=${COMPLAINT}`);
    await tap(page, '#complaint-info-open');
    await type(page, 'complaint-info-text', '今天楼道的垃圾还是没有清走');
    await addPhoto(page, 'complaint-info');
    await tap(page, '#complaint-info-submit');
    await see(page, TOAST, '已补充信息');
    await see(page, '#complaint-timeline .timeline__item--latest', '今天楼道的垃圾还是没有清走');
    await capture(page, 'info-4-complaint-added');
    await page.context().close();

    const staff = await openAs(LIU, `/staff/complaint/index?id=${COMPLAINT}`);
    await see(staff, '#complaint-timeline', '业主补充了信息');
    await see(staff, '#complaint-timeline', '今天楼道的垃圾还是没有清走');
    await staff.context().close();
  });
});

describe('a dead end leads home', () => {
  test('a ticket that does not exist says 没有找到 and offers 返回首页, not 重试', async () => {
    const page = await openAs(LI, '/pages/repair/index?id=no-such-ticket');
    await see(page, '#state-title', '没有找到');
    await see(page, '#state-error-message', '没有找到这张报修单');
    expect(await page.locator('#state-retry').filter({ visible: true }).count()).toBe(0);
    await see(page, '#h5-bar-title', '报修详情');
    await capture(page, 'info-5-not-found');
    await tap(page, '#state-home');
    await waitForRoute(page, '/pages/index/index');
    await see(page, '#home-user-name', '李女士');
    await see(page, '#home-hotline', '400-820-1234（24 小时服务）');
    await see(page, '#home-greeting', '水电问题 4 小时内上门');
    await capture(page, 'info-6-home');
    await page.context().close();
  });

  test('staff homes are greeted for their work, not with the homeowner’s repair promise, and show the same hotline', async () => {
    const page = await phoneAs(browser, host.url, ZHANG);
    await see(page, '#home-user-name', '张建国');
    const greeting = await see(page, '#home-greeting', '报修单按截止时间排好了');
    expect(greeting).not.toContain('随时报修');
    await see(page, '#home-hotline', '400-820-1234（24 小时服务）');
    await page.context().close();
  });

  test('the back button returns to the page before', async () => {
    const page = await phoneAs(browser, host.url, LI);
    await see(page, '#home-user-name', '李女士');
    expect(await page.locator('#h5-bar-back').filter({ visible: true }).count()).toBe(0);
    await tap(page, '#entry-my-repairs');
    await waitForRoute(page, '/pages/repairs/index');
    await see(page, '#h5-bar-title', '我的报修');
    await see(page, '#h5-bar-back', '返回');
    await tap(page, '#h5-bar-back');
    await waitForRoute(page, '/pages/index/index');
    await page.context().close();
  });
});
