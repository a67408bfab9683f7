/**
 * Role homes in the H5 build: the general manager's home opens on the company at a glance (open and
 * overdue repairs and complaints by department, this week's follow-up rate, the satisfaction trend,
 * the reports), and back on the home the entries are all there; a department manager's home does
 * not move; the site manager's home starts with their sites, the milestone each waits for, and their
 * open tickets. The glance's bars and the trends are charts drawn by F2 on a canvas (e2e/reports.test.ts
 * reads them in full). Screenshots: e2e/screenshots/home-*.png.
 */
import type { Browser } from 'playwright-core';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, chartInk, route, see, tap, waitForRoute } from './ui';

const SUN = 'demo-gm-sun';
const LIU = 'demo-dm-engineering';
const ZHANG = 'demo-sm-zhang';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

it('opens the general manager’s home on the company at a glance, with the trends and the reports', async () => {
  const page = await phoneAs(browser, host.url, SUN);
  await waitForRoute(page, '/manage/reports/index');
  await see(page, '#glance', '公司概览');
  await see(page, '#glance', '本周回访率');
  // this week's rate and the 90% target, drawn (the target's bar in blue) and written under the bars
  await see(page, '#chart-glance-rate-figures', /目标\s*90%/);
  expect((await chartInk(page, 'chart-glance-rate', ['#1677ff'])).byColour['#1677ff']).toBeGreaterThan(200);
  // the demo's late electrical ticket (30 hours old) is engineering's, open and past its deadline
  await see(page, '#glance-engineering', /超时 [1-9]/);
  await see(page, '#trend-satisfaction', '满意度趋势');
  await see(page, '#trend-followup-rate', '回访率趋势');
  await capture(page, 'home-gm-glance');

  await page.goBack();
  await see(page, '#home-user-name', '孙总');
  await see(page, '#entry-manage-reports', '报表');
  await capture(page, 'home-gm-entries');
  await tap(page, '#entry-manage-reports');
  await waitForRoute(page, '/manage/reports/index');
});

it('leaves a department manager’s home where it is', async () => {
  const page = await phoneAs(browser, host.url, LIU);
  await see(page, '#home-user-name', '刘经理');
  await see(page, '#entry-staff-overdue', '超时报修');
  await page.waitForTimeout(500);
  expect(route(page)).not.toContain('/manage/reports/index');
});

it('starts the site manager’s home with their sites, the milestones they wait for, and their open tickets', async () => {
  const page = await phoneAs(browser, host.url, ZHANG);
  await see(page, '#home-user-name', '张建国');
  await see(page, '#home-sites', '我的工地 2 个');
  await see(page, '#home-site-demo-project-cuihu', '翠湖花园 3-1201');
  await see(page, '#home-site-demo-project-binjiang', /待记录|节点已记录/);
  await see(page, '#entry-staff-queue', /1 单待处理，1 单已超时/);
  await capture(page, 'home-site-manager');
  await tap(page, '#home-site-demo-project-cuihu');
  await waitForRoute(page, '/staff/project/index');
});
