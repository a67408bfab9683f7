/**
 * Staff lists' filters and history in the H5 build: the site manager switches the repair queue to
 * 已关闭 and sees the confirmed ticket (not the open one), narrows it by status; the engineering
 * manager narrows the complaint queue and 指派给我 to one status and opens their (empty) history.
 * Screenshots: e2e/screenshots/lists-*.png.
 */
import type { Browser } from 'playwright-core';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, see, tap, waitForRoute } from './ui';

const ZHANG = 'demo-sm-zhang';
const LIU = 'demo-dm-engineering';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

it('lets the site manager switch the repair queue to its history and narrow either view by status', async () => {
  const page = await phoneAs(browser, host.url, ZHANG);
  await see(page, '#home-user-name', '张建国');
  await tap(page, '#entry-staff-queue');
  await waitForRoute(page, '/staff/queue/index');
  await see(page, '#staff-queue', '卫生间插座一插电吹风就跳闸');
  expect(await page.locator('#staff-queue').filter({ visible: true }).innerText()).not.toContain('客厅背景墙乳胶漆');

  await tap(page, '#queue-filter-closed');
  await see(page, '#staff-queue-history', '客厅背景墙乳胶漆有两处开裂');
  await see(page, '#queue-history-end', '已经到底了');
  expect(await page.locator('#staff-queue-history').filter({ visible: true }).innerText()).not.toContain('卫生间插座');
  await capture(page, 'lists-queue-history');

  await tap(page, '#queue-filter-cancelled');
  await see(page, 'body', '没有已关闭的报修');
  await tap(page, '#queue-filter-confirmed');
  await see(page, '#staff-queue-history', '客厅背景墙乳胶漆');

  await tap(page, '#queue-filter-open');
  await tap(page, '#queue-filter-onSite');
  await see(page, 'body', '没有这个状态的报修');
  await tap(page, '#queue-filter-submitted');
  await see(page, '#staff-queue', '卫生间插座一插电吹风就跳闸');
  await capture(page, 'lists-queue-filtered');
});

it('lets the engineering manager filter the complaint queue and 指派给我, and open their history', async () => {
  const page = await phoneAs(browser, host.url, LIU);
  await see(page, '#home-user-name', '刘');
  await tap(page, '#entry-staff-complaints');
  await waitForRoute(page, '/staff/complaints/index');
  await see(page, '#staff-complaints', '楼道里堆满了建筑垃圾');
  await tap(page, '#complaints-filter-proposed');
  await see(page, 'body', '没有这个状态的投诉');
  await tap(page, '#complaints-filter-forwarded');
  await see(page, '#staff-complaints', '楼道里堆满了建筑垃圾');
  await tap(page, '#complaints-filter-closed');
  await see(page, 'body', '没有已关闭的投诉');
  await capture(page, 'lists-complaints-history');

  await page.goBack();
  await tap(page, '#entry-staff-assigned');
  await waitForRoute(page, '/staff/assigned/index');
  await see(page, '#staff-assigned', '楼道里堆满了建筑垃圾');
  await tap(page, '#assigned-filter-closed');
  await see(page, 'body', '没有已关闭的投诉');
  await tap(page, '#assigned-filter-unresolved');
  await see(page, '#assigned-filter-unresolved', '未达成一致');
  await capture(page, 'lists-assigned-history');
});
