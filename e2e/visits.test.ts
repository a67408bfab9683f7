/**
 * 现场记录 end to end in the H5 build (DOMAIN §11): the site manager opens 翠湖花园 from 工地节点, archives
 * a photo of the site, records an on-site visit that 李女士 signs by dragging on the signature pad (a
 * visit without her signature is refused first), sees both in the project's list; then 李女士 opens
 * 工地照片 from her home and sees the archive with who took each record.
 *
 * One host and one browser for the file; the tests run in order. Screenshots: e2e/screenshots/visits-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tinyPng } from './photo';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, openHome, see, tap, type, UI, waitForRoute } from './ui';

const LI = 'demo-homeowner-li';
const ZHANG = 'demo-sm-zhang';
const CUIHU = 'demo-project-cuihu';

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
let photo: string;

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'visits-'));
  photo = path.join(tmp, 'site.png');
  fs.writeFileSync(photo, tinyPng());
});

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

async function addPhoto(page: Page): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: UI }), tap(page, '#visit-photo-add')]);
  await chooser.setFiles(photo);
  await page.locator('#visit-photo-0.photo-grid__cell--done').filter({ visible: true }).waitFor({ state: 'visible', timeout: UI });
}

/** Back to the top of the page, so the picture starts with the form's title. */
async function toTop(page: Page): Promise<void> {
  await page.evaluate(`document.querySelectorAll('.taro_page').forEach((el) => { el.scrollTop = 0; }); window.scrollTo(0, 0)`);
}

/** Draws a signature with the mouse: a few strokes across the pad. */
async function sign(page: Page): Promise<void> {
  const pad = page.locator('#signature-canvas canvas').filter({ visible: true }).first();
  await pad.waitFor({ state: 'visible', timeout: UI });
  // in the middle of the screen, clear of the fixed submit bar
  await pad.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad has no size');
  const strokes: [number, number][][] = [
    [[0.15, 0.6], [0.25, 0.3], [0.35, 0.65], [0.45, 0.35]],
    [[0.5, 0.55], [0.6, 0.3], [0.7, 0.6], [0.85, 0.4]],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

test('the site manager archives a photo of the site and records a visit the homeowner signs, and sees both', async () => {
  const page = await openAppAs(ZHANG, '张建国');
  await tap(page, '#entry-staff-projects');
  await tap(page, `#project-item-${CUIHU}`);
  await waitForRoute(page, '/staff/project/index');
  await see(page, '#visits-card', '还没有现场记录');

  // 现场拍照存档
  await tap(page, '#visit-photos-open');
  await waitForRoute(page, '/staff/visit/index');
  await see(page, '#visit-stage', '施工期间');
  await addPhoto(page);
  await type(page, 'visit-note', '水电开槽完成，线管走向如图');
  await toTop(page);
  await capture(page, 'visits-1-photos-form');
  await tap(page, '#visit-submit');
  await waitForRoute(page, '/staff/project/index');
  await see(page, '#visits-card', '水电开槽完成，线管走向如图');
  await see(page, '#visits-card', '张建国');

  // 上门回访: refused without the homeowner's signature, saved once she signs
  await tap(page, '#visit-visit-open');
  await waitForRoute(page, '/staff/visit/index');
  await type(page, 'visit-remarks', '对工人很满意，希望卫生间再做一次闭水试验');
  await tap(page, '#visit-score-4');
  await tap(page, '#visit-submit');
  await see(page, '#signature-error', '上门回访需要业主签名：请业主在手机上签名后再提交');
  const stored = await host.post('/api/functions/project', { action: 'visits', projectId: CUIHU }, ZHANG);
  expect(stored.data.visits).toHaveLength(1);

  await sign(page);
  await tap(page, '#signature-confirm');
  await see(page, '#signature-done', '已确认签名');
  await toTop(page);
  await capture(page, 'visits-2-signed');
  await tap(page, '#visit-submit');
  await waitForRoute(page, '/staff/project/index');
  await see(page, '#visits-card', '业主意见：对工人很满意，希望卫生间再做一次闭水试验');
  await see(page, '#visits-card', '满意度：4 分（比较满意）');
  await see(page, '#visits-card', '共 2 条');
  await page.locator('#visits-card .visit-item__signature-img').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: UI });
  await capture(page, 'visits-3-project-list');

  const after = await host.post('/api/functions/project', { action: 'visits', projectId: CUIHU }, ZHANG);
  expect(after.data.visits.map((v: { kind: string }) => v.kind)).toEqual(['visit', 'photos']);
  expect(after.data.visits[0].signature).toMatch(/^local:\/\/uploads\/[a-f0-9]{24}\.png$/);
  // the signature is the PNG the pad drew, with ink on it
  const url = `/api/files/${String(after.data.visits[0].signature).slice('local://'.length)}`;
  const [kind, inked] = (await page.evaluate(`(async () => {
    const blob = await (await fetch('${url}')).blob();
    const img = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 3] > 200) dark++;
    return [blob.type, dark];
  })()`)) as [string, number];
  expect(kind).toBe('image/png');
  expect(inked).toBeGreaterThan(100);
  await page.context().close();
});

test('the homeowner sees the archive of her site, by day, with who took each record', async () => {
  const page = await openAppAs(LI, '李女士');
  await see(page, `#site-photos-${CUIHU}`, '工地照片');
  await capture(page, 'visits-4-homeowner-home');
  await tap(page, `#site-photos-${CUIHU}`);
  await waitForRoute(page, '/pages/site/index');
  await see(page, '#site-archive', '翠湖花园 3-1201');
  await see(page, '#site-archive', '现场拍照存档');
  await see(page, '#site-archive', '张建国');
  await see(page, '#site-archive', '上门回访');
  await see(page, '#site-archive', '水电开槽完成，线管走向如图');
  const text = await page.locator('#site-archive').filter({ visible: true }).innerText();
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  await page.locator('#site-archive .photo-grid__img').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: UI });
  await capture(page, 'visits-5-homeowner-archive');
  await page.context().close();
});
