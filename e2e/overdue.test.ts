/**
 * 超时报修 for the department manager, in the H5 build: 刘经理 (工程部) opens the demo's electrical
 * ticket that is past its promises, nudges 张建国, then gives the ticket to 陈立新, who finds it in his
 * queue. Screenshots: e2e/screenshots/overdue-*.png.
 */
import type { Browser } from 'playwright-core';
import { phoneAs } from './browser';
import { capture, see, tap, TOAST } from './ui';
import type { RunningHost } from './host';
import { useApp } from './app';

const LIU = 'demo-dm-engineering';
const CHEN = 'demo-sm-chen';
const LATE = 'demo-repair-late';
let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

it('lets the department manager nudge the site manager of an overdue ticket and give it to another site manager', async () => {
  const page = await phoneAs(browser, host.url, LIU);
  await see(page, '#home-user-name', '刘经理');
  await tap(page, '#entry-staff-overdue');
  await tap(page, `#ticket-${LATE}`);
  await see(page, '#manager-actions', '已超时：部门经理处理');
  await tap(page, '#manager-nudge');
  await see(page, TOAST, '已提醒项目经理');
  await tap(page, '#manager-nudge');
  await see(page, '#manager-failure', '今天已经催办过');
  await tap(page, `#manager-to-${CHEN}`);
  await capture(page, 'overdue-manager-actions');
  await tap(page, '#manager-reassign');
  await see(page, TOAST, '已改派');
  await see(page, 'body', '改派给陈立新');

  const queue = await host.post('/api/functions/repair', { action: 'queue' }, CHEN);
  expect(queue.data.tickets.map((t: { id: string }) => t.id)).toContain(LATE);
  const notices = await host.post('/api/functions/repair', { action: 'get', ticketId: LATE }, CHEN);
  expect(notices).toMatchObject({ ok: true });
});

it('shows the site manager which of his sites wait for a milestone once the contract completion date has passed', async () => {
  await host.post('/api/dev/clock', { advanceDays: 81 });
  const page = await phoneAs(browser, host.url, 'demo-sm-zhang');
  await see(page, '#home-user-name', '张建国');
  await tap(page, '#entry-staff-projects');
  await see(page, '#project-due-demo-project-cuihu-completed', '已过，竣工后请记录竣工日期');
  await capture(page, 'overdue-site-manager-sites');
});
