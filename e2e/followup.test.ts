/**
 * 回访 end to end, in the H5 build: a homeowner accepts follow-up reminders; her site manager records
 * that work started; ten days later the dispatch timer sends the early-stage reminder inside the
 * morning contact window; she opens the survey from it, leaves half-way and comes back, and answers
 * with a low score; the complaints that opens reach the engineering department's queue; and customer
 * service works a phone task the timer made. Screenshots: e2e/screenshots/followup-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { DAY, MINUTE } from '@shared/core/time';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import type { Question } from '@shared/survey/catalogue';
import { phoneAs } from './browser';
import type { RunningHost } from './host';
import { useApp } from './app';
import { capture, openHome, see, tap, type } from './ui';

const ZHAO = 'demo-homeowner-zhao';
const CHEN = 'demo-sm-chen';
const LIU = 'demo-dm-engineering';
const XU = 'demo-cs-xu';
const JINSE = 'demo-project-jinse';
const EARLY = `${JINSE}--earlyStage`;
const WELCOME = `${JINSE}--depositWelcome`;

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
/** 09:00 CST on the day the suite starts, as the host's clock says */
let nine = 0;

const cstDay = (at: number) => new Date(at + 8 * 60 * MINUTE).toISOString().slice(0, 10);

const openAppAs = (openid: string, name: string): Promise<Page> => openHome(browser, host.url, openid, name);

/** Answers one question the way the homeowner in this story would: content, except where noted. */
async function answer(page: Page, q: Question, low: Record<string, string>): Promise<void> {
  const choice = low[q.id];
  if (q.type === 'yesNo') await tap(page, `#q-${q.id}-${choice ?? (q.problemWhen === 'yes' ? 'no' : 'yes')}`);
  else if (q.type === 'rating') await tap(page, `#q-${q.id}-${choice ?? 'good'}`);
  else if (q.type === 'score') await tap(page, `#q-${q.id}-score-${choice ?? '5'}`);
  else if (q.type === 'count') await tap(page, `#q-${q.id}-plus`);
  else if (q.type === 'defect') await tap(page, `#q-${q.id}-${choice ?? 'none'}`);
  else if (choice) await type(page, `q-${q.id}-text`, choice);
}

beforeAll(async () => {
  // The story starts at 09:00 China time (the next one), so "today" and "ten days later" read the
  // same whenever the suite runs. 09:00 CST is 01:00 UTC.
  const { data } = await host.get('/api/dev/clock');
  nine = Math.ceil((data.now + 10 * MINUTE - 60 * MINUTE) / DAY) * DAY + 60 * MINUTE;
  const moved = await host.post('/api/dev/clock', { set: nine });
  if (!moved.ok || !String(moved.data.cst).endsWith('09:00:00')) throw new Error(`could not set the host clock: ${JSON.stringify(moved)}`);
});

describe('回访: from a recorded milestone to a complaint in the right queue', () => {
  test('a homeowner accepts follow-up reminders from her home page (the H5 stand-in for WeChat’s dialog)', async () => {
    const page = await openAppAs(ZHAO, '赵女士');
    await see(page, '#subscription-stageVisit', '未开启');
    await tap(page, '#subscribe-ask');
    await see(page, '#subscribe-dialog', '施工阶段回访提醒');
    await capture(page, 'followup-1-subscribe-dialog');
    await tap(page, '#subscribe-allow');
    await see(page, '#subscription-stageVisit', '已开启');
    expect(await page.locator('body').innerText()).not.toMatch(/剩余 \d+ 次/);
    const home = await host.post('/api/functions/followup', { action: 'home' }, ZHAO);
    expect(home.data.subscriptions.find((s: any) => s.purpose === 'stageVisit')).toMatchObject({ templateId: 'demo-tmpl-stage-visit', credits: 1 });
    await capture(page, 'followup-2-subscribed');
    await page.context().close();
  });

  test('the site manager records that work started today, and the early-stage follow-up is planned ten days on', async () => {
    const page = await openAppAs(CHEN, '陈立新');
    await tap(page, '#entry-staff-projects');
    await tap(page, `#project-item-${JINSE}`);
    await tap(page, '#milestone-started-record');
    await tap(page, `#milestone-date-${cstDay(nine)}`);
    await tap(page, '#milestone-submit');
    await see(page, '#milestone-started', cstDay(nine));
    await see(page, `#project-followup-${EARLY}`, '开工初期回访');
    await see(page, `#project-followup-${EARLY}`, cstDay(nine + 10 * DAY).slice(5));
    await capture(page, 'followup-3-started-recorded');
    await page.context().close();
  });

  test('ten days later the dispatch timer sends the reminder inside the 10:00–11:30 window, once', async () => {
    await host.post('/api/dev/clock', { set: nine + 10 * DAY - 30 * MINUTE });
    const early = (await host.post('/api/dev/timers/dispatch', {})).data;
    expect(early.sent).toBe(0);
    let outbox = (await host.get('/api/dev/outbox')).data.messages as any[];
    expect(outbox.filter((m) => m.touser === ZHAO)).toHaveLength(0);

    await host.post('/api/dev/clock', { set: nine + 10 * DAY + 65 * MINUTE });
    expect((await host.post('/api/dev/timers/dispatch', {})).data.sent).toBeGreaterThanOrEqual(1);
    expect((await host.post('/api/dev/timers/dispatch', {})).data.sent).toBe(0);
    outbox = (await host.get('/api/dev/outbox')).data.messages as any[];
    const toZhao = outbox.filter((m) => m.touser === ZHAO);
    expect(toZhao).toHaveLength(1);
    expect(toZhao[0]).toMatchObject({
      templateId: 'demo-tmpl-stage-visit',
      page: `pages/survey/index?id=${EARLY}`,
      data: { thing1: { value: '开工初期回访' }, thing2: { value: '金色家园 5-302' } },
    });
    const home = await host.post('/api/functions/followup', { action: 'home' }, ZHAO);
    expect(home.data.subscriptions.find((s: any) => s.purpose === 'stageVisit').credits).toBe(0);
  });

  test('the homeowner opens the survey from the message, is told what is missing, and can leave and resume', async () => {
    const page = await openAppAs(ZHAO, '赵女士');
    await see(page, `#survey-open-${EARLY}`, '开工初期回访');
    await tap(page, `#survey-open-${EARLY}`);
    await see(page, '#survey-page', '第 1/5 页');
    await tap(page, '#survey-next');
    await see(page, '#q-workStarted-error', /请/);
    for (const q of DEFAULT_SURVEYS.started.sections[0].questions) await answer(page, q, {});
    await tap(page, '#survey-next');
    await see(page, '#survey-page', '第 2/5 页');
    for (const q of DEFAULT_SURVEYS.started.sections[1].questions) await answer(page, q, { quality: 'poor' });
    await capture(page, 'followup-4-survey-page-2');
    await tap(page, '#survey-next');
    await see(page, '#survey-page', '第 3/5 页');
    await page.context().close();

    const again = await phoneAs(browser, `${host.url}/#/pages/survey/index?id=${EARLY}`, ZHAO);
    await see(again, '#survey-page', '第 3/5 页');
    await again.context().close();
  });

  test('she answers the rest with a low score; the complaints it opens are routed by topic the same day', async () => {
    const page = await phoneAs(browser, `${host.url}/#/pages/survey/index?id=${EARLY}`, ZHAO);
    await see(page, '#survey-page', '第 3/5 页');
    const rest = DEFAULT_SURVEYS.started.sections.slice(2);
    for (const [i, section] of rest.entries()) {
      for (const q of section.questions) await answer(page, q, { overall: '1', improve: '墙面找平不到位，工地管理要加强' });
      if (i < rest.length - 1) await tap(page, '#survey-next');
    }
    await see(page, '#q-overall-score-label', '非常不满意');
    await see(page, '#survey-routing-note', '转给负责的部门');
    await capture(page, 'followup-5-survey-last-page');
    await tap(page, '#survey-submit');
    await see(page, '#survey-thanks', /感谢/);
    await see(page, '#survey-complaints', '刘经理（工程部）');
    await see(page, '#survey-complaints', '客服部');
    await see(page, `#survey-complaint-reply-${EARLY}-constructionQuality`, /刘经理（工程部） 会在 \d+月\d+日 \d\d:\d\d 前答复您/);
    await capture(page, 'followup-6-survey-thanks');
    await page.context().close();
  });

  test('the engineering manager finds the construction-quality complaint in the department queue', async () => {
    const id = `${EARLY}-constructionQuality`;
    const page = await openAppAs(LIU, '刘经理');
    await tap(page, '#entry-staff-complaints');
    await see(page, `#complaint-card-${id}`, '施工质量');
    await tap(page, `#complaint-card-${id}`);
    await see(page, '#complaint-handler', '工程部');
    await see(page, '#complaint-overview', '回访问卷');
    await see(page, '#complaint-overview', '我对施工质量不满意');
    await see(page, '#complaint-overview', '您对施工质量满意吗');
    await capture(page, 'followup-7-complaint-in-queue');
    const got = await host.post('/api/functions/complaint', { action: 'get', complaintId: id }, LIU);
    expect(got.data.complaint).toMatchObject({ channel: 'survey', department: 'engineering' });
    await page.context().close();
  });

  test('customer service calls about a follow-up the timer could not send, and books the time the homeowner names', async () => {
    const page = await openAppAs(XU, '徐客服');
    await tap(page, '#entry-staff-calls');
    await see(page, `#call-task-${WELCOME}`, '订金回访');
    await see(page, `#call-task-${WELCOME}`, '138****8003');
    await tap(page, `#call-task-${WELCOME}`);
    await see(page, '#call-phone-number', '13800138003');
    await see(page, '#call-script', '赵女士');
    await capture(page, 'followup-8-phone-task');
    await tap(page, '#call-outcome-notNow');
    const tomorrow = cstDay(nine + 11 * DAY);
    await tap(page, `#callback-date-${tomorrow}`);
    await tap(page, '#callback-time-1930');
    await tap(page, '#callback-submit');
    await see(page, '#call-result', '19:30');
    await capture(page, 'followup-9-call-back-booked');
    const calls = await host.post('/api/functions/followup', { action: 'calls' }, XU);
    const task = calls.data.tasks.find((t: any) => t.id === WELCOME);
    expect(task).toMatchObject({ attempts: 1, callAt: new Date(`${tomorrow}T19:30:00+08:00`).getTime() });
    const audit = await host.post('/api/functions/followup', { action: 'call', followUpId: WELCOME }, ZHAO);
    expect(audit).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    await page.context().close();
  });
});
