/**
 * 邀请码 in the H5 build: an admin imports a project whose homeowner is not on WeChat yet; the
 * homeowner, unknown to the product, opens the app, mistypes the code and is told so, enters the right
 * one and lands on their home with their house; the same code from another WeChat is refused.
 * Screenshots: e2e/screenshots/invite-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { phoneAs } from './browser';
import { capture, see, tap } from './ui';
import type { RunningHost } from './host';
import { useApp } from './app';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
let code = '';

beforeAll(async () => {
  const imported = await host.post('/api/functions/admin', {
    action: 'import', importId: 'e2e-invite',
    homeowners: 'phone,name\n13800138201,钟女士\n',
    projects: 'id,name,address,siteManagerId,homeownerPhone,contractSigned\np-lakeside,湖滨花园 6-602,杭州市上城区湖滨花园 6 幢 602 室,demo-sm-zhang,13800138201,2026-11-01\n',
  }, 'demo-admin');
  expect(imported).toMatchObject({ ok: true, data: { imported: true } });
  code = imported.data.invites[0].code;
}, 60_000);

async function enter(page: Page, text: string): Promise<void> {
  const box = page.locator('#invite-code input, input#invite-code').filter({ visible: true }).first();
  await box.waitFor({ state: 'visible' });
  await box.fill(text);
  await tap(page, '#invite-submit');
}

it('binds the WeChat of a homeowner the product does not know yet to their house with the invite code', async () => {
  const page = await phoneAs(browser, host.url, 'wx-zhong-new');
  await see(page, '#invite-form', '用邀请码绑定房屋');
  await enter(page, 'ABC');
  await see(page, '#invite-error', '邀请码是 8 位字母和数字，请核对后重试');
  await enter(page, 'ABCDEFGH');
  await see(page, '#invite-failure', '邀请码不正确');
  await capture(page, 'invite-wrong-code');
  await enter(page, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await see(page, '#home-user-name', '钟女士');
  await see(page, 'body', '湖滨花园 6-602');
  await capture(page, 'invite-bound');
});

it('refuses the same code from another WeChat', async () => {
  const page = await phoneAs(browser, host.url, 'wx-someone-else');
  await enter(page, code);
  await see(page, '#invite-failure', '这个邀请码已被其他微信使用');
});
