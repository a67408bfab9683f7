/**
 * Approvals to read phone follow-up records (001 §十) in the H5 build: 刘经理 (engineering's manager)
 * opens 业主查询 and is told an admin must approve; the admin grants him seven days with a reason; the
 * notice in his 消息 opens 业主查询, where he finds 李女士 and reads her history; the admin revokes the
 * approval and his next search is refused again. Screenshots: e2e/screenshots/record-access-*.png.
 */
import type { Browser } from 'playwright-core';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, searchHomeowner, see, tap, waitForRoute } from './ui';

const LIU = 'demo-dm-engineering';
const ADMIN = 'demo-admin';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));


async function asAdmin(body: Record<string, unknown>) {
  const answer = await host.post('/api/functions/admin', body, ADMIN);
  if (!answer.ok) throw new Error(`admin.${String(body.action)} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

it('a department manager reads phone follow-up records only while an admin’s approval stands', async () => {
  const page = await phoneAs(browser, host.url, LIU);
  await see(page, '#home-user-name', '刘经理');
  await page.goto(`${host.url}/#/staff/homeowner/index`);
  await searchHomeowner(page, '李女士');
  await see(page, '#homeowner-search-error', '需经行政人力批准');
  await capture(page, 'record-access-1-refused');

  const { approval } = await asAdmin({ action: 'grantRecordAccess', staffId: LIU, reason: '核查李女士对工期的投诉，需要听取回访记录', days: 7 });
  expect(approval).toMatchObject({ staffName: '刘经理', state: 'live' });

  await page.goto(`${host.url}/#/pages/notices/index`);
  await see(page, '[id="notice-records.granted"]', '已批准您查阅电话回访记录');
  await capture(page, 'record-access-2-notice');
  await tap(page, '[id="notice-records.granted"]');
  await waitForRoute(page, '/staff/homeowner/index');
  await searchHomeowner(page, '李女士');
  await see(page, '#homeowner-card', '李女士');
  await see(page, '#homeowner-history', '翠湖花园');
  await capture(page, 'record-access-3-granted');
  const audit = await host.post('/api/functions/privacy', { action: 'auditLog', subjectId: 'demo-homeowner-li' }, ADMIN);
  expect(audit.data.entries).toContainEqual(expect.objectContaining({ viewerId: LIU, record: 'users/demo-homeowner-li', approvalId: approval.id }));

  await asAdmin({ action: 'revokeRecordAccess', grantId: approval.id, reason: '投诉已处理完毕' });
  await searchHomeowner(page, '李女士');
  await see(page, '#homeowner-search-error', '需经行政人力批准');
});
