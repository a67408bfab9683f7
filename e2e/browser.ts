import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';

export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

/**
 * Debian's Chromium, headless, with no background traffic and a fresh profile: Playwright gives every
 * launch a new temporary user-data dir of its own and deletes it on close (it refuses a
 * `--user-data-dir` argument).
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * A phone-sized page signed in as a demo persona (the H5 build reads it from localStorage). Unless
 * `privacyAgreed` is false, the person has already agreed to the current privacy notice, so the
 * popup before the first photo does not interrupt tests about something else.
 */
export async function phoneAs(browser: Browser, baseUrl: string, openid: string, options: { privacyAgreed?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  await context.addInitScript(`window.localStorage.setItem('huifang.openid', ${JSON.stringify(openid)})`);
  if (options.privacyAgreed !== false) {
    await context.addInitScript(`window.localStorage.setItem('huifang.privacyAgreed', ${JSON.stringify(PRIVACY_NOTICE_VERSION)})`);
  }
  const page = await context.newPage();
  await page.goto(baseUrl);
  return page;
}

/** Saves a screenshot under e2e/screenshots/<name>.png, for a person to look at. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
