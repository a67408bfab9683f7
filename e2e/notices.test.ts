/**
 * 消息 and 催单 end to end, in the H5 build: 王先生 urges his late electrical repair, which reaches
 * the site manager 张建国 and the engineering manager 刘经理; each sees the unread count on the 消息
 * entry of their home page, reads the notice and opens the ticket from it.
 *
 * One host and one browser for the file; the tests run in order. Screenshots: e2e/screenshots/notices-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { phoneAs } from './browser';
import { capture, fingerTap, openHome, see, tap, waitForRoute } from './ui';
import type { RunningHost } from './host';
import { useApp } from './app';

const WANG = 'demo-homeowner-wang';
const ZHANG = 'demo-sm-zhang';
const LIU = 'demo-dm-engineering';
const LATE_TICKET = 'demo-repair-late';
const DAY = 24 * 3_600_000;

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

describe('催单 and the 消息 list', () => {
  it('lets the homeowner urge his overdue repair once, and says when he can urge again', async () => {
    const page = await openAppAs(WANG, '王先生');
    await page.goto(`${host.url}/#/pages/repair/index?id=${LATE_TICKET}`);
    await see(page, '#repair-urge-card', '已超过承诺时间');
    await see(page, '#repair-urge-card', '催单会马上通知项目经理和部门经理');
    await capture(page, 'notices-urge-offered');
    await tap(page, '#repair-urge');
    await see(page, '#repair-urge-done', /您在 \d{2}:\d{2} 催过单，项目经理和部门经理都已收到/);
    expect(await page.locator('#repair-urge').filter({ visible: true }).count()).toBe(0);
    await see(page, '.timeline', '业主催单');
    await capture(page, 'notices-urge-done');

    const again = await host.post('/api/functions/repair', { action: 'urge', ticketId: LATE_TICKET }, WANG);
    expect(again).toMatchObject({ ok: false, code: 'REPAIR.URGED_RECENTLY' });
    expect(again.message).toMatch(/一小时内只能催一次/);
    const other = await host.post('/api/functions/repair', { action: 'urge', ticketId: LATE_TICKET }, 'demo-homeowner-li');
    expect(other).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
  });

  it('shows the site manager the unread count on his home, the notice in 消息, and opens the ticket from it', async () => {
    const page = await openAppAs(ZHANG, '张建国');
    await see(page, '#entry-notices', /\d+ 条未读/);
    await see(page, '#notices-unread', /\d+/);
    await capture(page, 'notices-home-entry');
    await tap(page, '#entry-notices');
    await waitForRoute(page, '/pages/notices/index');
    await see(page, '#notice-repair\\.urged', '业主催单');
    await see(page, '#notice-repair\\.urged', '滨江壹号');
    await capture(page, 'notices-list');
    await tap(page, '#notice-repair\\.urged');
    await waitForRoute(page, '/staff/ticket/index');
    expect(page.url()).toContain(LATE_TICKET);
  });

  it('shows the engineering manager the urge too, and marks everything read', async () => {
    const page = await openAppAs(LIU, '刘经理');
    await tap(page, '#entry-notices');
    await waitForRoute(page, '/pages/notices/index');
    await see(page, '#notice-repair\\.urged', '业主催单');
    await tap(page, '#notices-all-read');
    await see(page, '#notices-summary', '全部已读');
    const unread = await host.post('/api/functions/notices', { action: 'unread' }, LIU);
    expect(unread).toMatchObject({ ok: true, data: { unread: 0 } });
    await capture(page, 'notices-all-read');
  });

  it('lets the site manager accept his work reminder on the 消息 page, and pushes the next urge to him once (the outbox locally)', async () => {
    // the next morning at 10:00 China time: inside the push window, and the last urge more than an hour ago
    const clock = await host.get('/api/dev/clock');
    const morning = new Date(`${String(clock.data.cst).slice(0, 10)}T10:00:00+08:00`).getTime() + DAY;
    expect(await host.post('/api/dev/clock', { set: morning })).toMatchObject({ ok: true });
    const page = await openAppAs(ZHANG, '张建国');
    await tap(page, '#entry-notices');
    await waitForRoute(page, '/pages/notices/index');
    await see(page, '#subscription-staffWork', '未开启');
    await fingerTap(page, '#subscribe-ask');
    await see(page, '#subscribe-dialog', '待办工作提醒');
    await capture(page, 'notices-subscribe-dialog');
    await tap(page, '#subscribe-allow');
    await see(page, '#subscription-staffWork', '已开启');

    expect(await host.post('/api/functions/repair', { action: 'urge', ticketId: LATE_TICKET }, WANG)).toMatchObject({ ok: true });
    const toZhang = async () => ((await host.get('/api/dev/outbox')).data.messages as any[]).filter((m) => m.touser === ZHANG);
    const sent = await toZhang();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ templateId: 'demo-tmpl-staff-work', page: `staff/ticket/index?id=${LATE_TICKET}` });
    expect(sent[0].data.thing1.value).toBe('业主催单');
    // the push timer settles the night's notices (no credit left): nothing goes twice
    expect(await host.post('/api/dev/timers/push', {})).toMatchObject({ ok: true, data: { sent: 0 } });
    expect(await toZhang()).toHaveLength(1);
    await page.reload();
    await see(page, '#subscription-staffWork', '未开启');
  });

  it('puts the 消息 entry on a staff list page', async () => {
    const page = await phoneAs(browser, host.url, ZHANG);
    await page.goto(`${host.url}/#/staff/queue/index`);
    await see(page, '#entry-notices', '消息');
    await capture(page, 'notices-staff-queue');
  });
});
