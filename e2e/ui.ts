import type { Browser, Page } from 'playwright-core';
import { phoneAs, shot } from './browser';

/** How long a page may take to show what it should (the host answers in milliseconds). */
export const UI = 15_000;
/** Taro H5's toast. */
export const TOAST = '.taro__toast > div:last-child';


/**
 * Waits until an element matching `selector` is visible and shows `text`; fails saying what the
 * page showed there instead (Taro keeps earlier pages of the stack in the DOM, hidden, so only
 * visible matches count).
 */
export async function see(page: Page, selector: string, text: string | RegExp, timeout = UI): Promise<string> {
  const target = page.locator(selector).filter({ hasText: text, visible: true }).first();
  try {
    await target.waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await page
      .locator(selector)
      .filter({ visible: true })
      .allInnerTexts()
      .catch(() => [] as string[]);
    const body = await page.locator('body').innerText().catch(() => '');
    throw new Error(
      `expected ${selector} to show ${String(text)} within ${timeout} ms at ${page.url()}\n` +
        `${selector} showed: ${shown.length ? shown.map((s) => JSON.stringify(s)).join(' | ') : '(nothing visible)'}\n` +
        `page text: ${body.replace(/\s+/g, ' ').slice(0, 800)}`,
    );
  }
  return target.innerText();
}

/** Taps a visible element (after waiting for it). */
export async function tap(page: Page, selector: string): Promise<void> {
  const el = page.locator(selector).filter({ visible: true }).first();
  try {
    await el.waitFor({ state: 'visible', timeout: UI });
  } catch {
    throw new Error(`nothing visible to tap at ${selector} on ${page.url()}\npage text: ${(await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 800)}`);
  }
  await el.click();
}

/** Types into a Taro Textarea (the real <textarea> inside the component). */
export async function type(page: Page, id: string, text: string): Promise<void> {
  const box = page.locator(`#${id} textarea`).filter({ visible: true }).first();
  await box.waitFor({ state: 'visible', timeout: UI });
  await box.click();
  await box.fill(text);
}

/** Answers a Taro modal: checks its words, then taps its confirm button (the last one). */
export async function confirmModal(page: Page, title: string): Promise<void> {
  await see(page, '.taro-modal__content', title);
  await tap(page, '.taro-modal__foot .taro-model__btn:last-child');
  await page.locator('.taro-modal__foot').filter({ visible: true }).waitFor({ state: 'hidden', timeout: UI });
}

/**
 * A screenshot of the whole page showing, once it has settled: Taro's 300 ms slide-in is over and
 * no toast covers it. Taro H5 scrolls inside the page element (not the document), so the viewport
 * is stretched to the page's height for the picture and put back afterwards.
 */
export async function capture(page: Page, name: string): Promise<void> {
  await page.locator(TOAST).filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: UI });
  // (browser-side code as strings: the e2e tsconfig has no DOM types)
  await page.waitForFunction(`document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running')`, undefined, { timeout: UI });
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  const height = Number(await page.evaluate(`document.querySelector('.taro_router > .taro_page:last-child')?.scrollHeight ?? 0`));
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 6000) });
  try {
    await shot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** The path and query of the page showing (H5 hash routing). */
export function route(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#/, ''));
}

export async function waitForRoute(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((u) => decodeURIComponent(u.hash).startsWith(`#${pathname}`), { timeout: UI }).catch(() => {
    throw new Error(`expected to land on ${pathname}, still on ${route(page)}`);
  });
}


/** What a chart drew on its canvas: the painted pixels, and how many of them are of each colour asked for. */
export interface ChartInk {
  painted: number;
  byColour: Record<string, number>;
}

/**
 * Reads the pixels of the <canvas> inside `#id` (an F2 chart) once something is painted on it, counting
 * the painted ones and those of each of `colours` exactly ('#rrggbb': the charts fill bars and points
 * with the stylesheet tokens, so their insides are those colours; edges are blended).
 */
export async function chartInk(page: Page, id: string, colours: string[]): Promise<ChartInk> {
  // (browser-side code as a string: the e2e tsconfig has no DOM types)
  const read = `(() => {
    const canvas = document.querySelector('#${id} canvas');
    if (!canvas || !canvas.width || !canvas.height) return null;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const want = ${JSON.stringify(colours)};
    const byColour = Object.fromEntries(want.map((c) => [c, 0]));
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      const hex = '#' + [data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('');
      if (hex in byColour) byColour[hex]++;
    }
    return painted ? { painted, byColour } : null;
  })()`;
  await page.waitForFunction(read, undefined, { timeout: UI });
  return (await page.evaluate(read)) as ChartInk;
}

/** A phone signed in as `openid`, once the home page greets them by `name`. */
export async function openHome(browser: Browser, baseUrl: string, openid: string, name: string, options: { privacyAgreed?: boolean } = {}): Promise<Page> {
  const page = await phoneAs(browser, baseUrl, openid, options);
  await see(page, '#home-user-name', name);
  return page;
}

/**
 * Taps a button with a finger where it shows, once animations settle. Playwright's own click scrolls
 * Taro's pull-to-refresh container first and then finds that container over the button.
 */
export async function fingerTap(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running')`, undefined, { timeout: UI });
  const box = await page.locator(selector).filter({ visible: true }).first().boundingBox();
  if (!box) throw new Error(`nothing on screen to tap at ${selector} on ${page.url()}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** 业主查询: a search by name, phone or reference. */
export async function searchHomeowner(page: Page, query: string): Promise<void> {
  const box = page.locator('#homeowner-search input').filter({ visible: true }).first();
  await box.waitFor({ state: 'visible' });
  await box.fill(query);
  await tap(page, '#homeowner-search-submit');
}
