/**
 * 报表 in the H5 build: the general manager opens the reports from the home page, reads the follow-up
 * rate and satisfaction trends (charts drawn by F2 on a canvas: the tests read its pixels, and the
 * figures written under each chart), a weekly and a monthly report, and downloads a CSV; a site manager
 * gets no entry and is refused if they open the page anyway.
 *
 * The data comes in the way it does in production: an admin imports eight projects (two a week whose
 * early-stage follow-up falls due on the Tuesday of each of four weeks), each homeowner binds their
 * WeChat with the invite code and answers some of their questionnaires on the day; the reporter timer
 * runs at 16:00 China time on each of the four Sundays (the host's clock moved there).
 * Screenshots: e2e/screenshots/reports-*.png.
 */
import type { Browser } from 'playwright-core';
import { phoneAs } from './browser';
import { capture, chartInk, see, tap, waitForRoute } from './ui';
import type { RunningHost } from './host';
import { useApp } from './app';

const SUN = 'demo-gm-sun';
const ZHANG = 'demo-sm-zhang';
const ADMIN = 'demo-admin';
/** The chart colours (client/src/features/report/model/chartTheme.ts, from the stylesheet tokens). */
const GREEN = '#07c160';
const ORANGE = '#fa9d3b';
const RED = '#fa5151';
const BLUE = '#1677ff';
const GREY = '#c9cdd4';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The CST calendar date of an instant. */
const cstDate = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);
/** Two projects a week; in the weeks (oldest first) these many of the two answer, with these scores. */
const ANSWERED = [[5], [4, 5], [3], [5, 4]];

let host: RunningHost;
let browser: Browser;
useApp((app) => ({ host, browser } = app));
const built: string[] = [];

/** 16:00 China time (08:00 UTC) on the first Sunday at or after `now`. */
function comingSunday1600(now: number): number {
  const day = new Date(now);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8, 0, 0);
  const weekday = new Date(at + 8 * HOUR).getUTCDay();
  const sunday = at + ((7 - weekday) % 7) * DAY;
  return sunday >= now ? sunday : sunday + 7 * DAY;
}

/** Weeks before the first of the four in which one more project's homeowner answers (score 3), so the
 * monthly report has last month's scores beside its own whichever month it covers. */
const EARLIER_WEEKS = [8, 7, 6, 5, 4];

beforeAll(async () => {
  const { data } = await host.get('/api/dev/clock');
  const last = comingSunday1600(data.now);
  const sundays = [3, 2, 1, 0].map((weeksBefore) => last - weeksBefore * 7 * DAY);
  // Tuesday 10:30 China time of each week: the early-stage follow-ups' due day (started 10 days before)
  const tuesdays = sundays.map((sunday) => sunday - 5 * DAY - 5.5 * HOUR);
  const earlier = EARLIER_WEEKS.map((weeks) => ({ id: `e2e-p${weeks}`, phone: `1390013${8200 + weeks}`, tuesday: tuesdays[0] - weeks * 7 * DAY }));
  await host.post('/api/dev/clock', { set: earlier[0].tuesday - 2 * DAY });
  await importProjects('e2e-reports-earlier', earlier.map((p) => ({ ...p, started: cstDate(p.tuesday - 10 * DAY) })), 11);
  for (const p of earlier) {
    await host.post('/api/dev/clock', { set: p.tuesday });
    await answerEarlyStage(p.id, 3);
  }
  await host.post('/api/dev/clock', { set: tuesdays[0] - 2 * DAY });
  const rows = tuesdays.flatMap((tuesday, week) => [0, 1].map((i) => ({ id: `e2e-w${week}-${i}`, phone: `1380013${8100 + week * 10 + i}`, started: cstDate(tuesday - 10 * DAY) })));
  await importProjects('e2e-reports', rows, 1);
  for (const [week, sunday] of sundays.entries()) {
    await host.post('/api/dev/clock', { set: tuesdays[week] });
    for (const [i, score] of ANSWERED[week].entries()) await answerEarlyStage(`e2e-w${week}-${i}`, score);
    // each week a socket trips and nobody calls back: the escalation timer, a day later, records the
    // missed deadlines against the site manager
    await fileElectricalRepair(`e2e-w${week}-1`, cstDate(tuesdays[week]));
    await host.post('/api/dev/clock', { set: tuesdays[week] + DAY });
    expect(await host.post('/api/dev/timers/escalate', {})).toMatchObject({ ok: true });
    await host.post('/api/dev/clock', { set: sunday });
    const run = await host.post('/api/dev/timers/reporter', {});
    expect(run).toMatchObject({ ok: true, data: { more: false } });
    built.push(...run.data.built);
  }
}, 120_000);

/** The admin imports projects of 张建国's with their homeowners, who each bind their WeChat with the invite code. */
async function importProjects(importId: string, rows: { id: string; phone: string; started: string }[], firstNumber: number): Promise<void> {
  const numbered = rows.map((r, i) => ({ ...r, n: firstNumber + i }));
  const imported = await host.post('/api/functions/admin', {
    action: 'import', importId,
    homeowners: ['phone,name', ...numbered.map((r) => `${r.phone},业主${r.n}`)].join('\n'),
    projects: ['id,name,address,siteManagerId,homeownerPhone,started', ...numbered.map((r) => `${r.id},花园 ${r.n}-101,杭州市花园 ${r.n} 幢 101 室,${ZHANG},${r.phone},${r.started}`)].join('\n'),
  }, ADMIN);
  expect(imported).toMatchObject({ ok: true, data: { imported: true, projects: rows.length } });
  for (const invite of imported.data.invites as { projectId: string; code: string }[]) {
    expect(await host.post('/api/functions/me', { action: 'redeemInvite', code: invite.code }, `wx-${invite.projectId}`)).toMatchObject({ ok: true });
  }
}

/** The homeowner of a project reports a tripping socket (electrics: someone on site within 4 hours). */
async function fileElectricalRepair(projectId: string, today: string): Promise<void> {
  const filed = await host.post('/api/functions/repair', {
    action: 'create', projectId, category: 'electrical', description: '客厅插座一用电就跳闸', photos: [], preferredVisit: { date: today, slot: 'afternoon' },
  }, `wx-${projectId}`);
  expect(filed).toMatchObject({ ok: true });
}

/** The homeowner of a project answers its early-stage questionnaire in full, with `score` as the overall score. */
async function answerEarlyStage(projectId: string, score: number): Promise<void> {
  const followUpId = `${projectId}--earlyStage`;
  const openid = `wx-${projectId}`;
  const got = await host.post('/api/functions/survey', { action: 'get', followUpId }, openid);
  const answers: Record<string, string | number> = {};
  for (const section of got.data.survey.sections) {
    for (const q of section.questions) {
      answers[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? score : q.type === 'count' ? 2 : q.type === 'text' ? '挺好' : q.problemWhen === 'yes' ? 'no' : 'yes';
    }
  }
  expect(await host.post('/api/functions/survey', { action: 'submit', followUpId, answers }, openid)).toMatchObject({ ok: true });
}

it('builds a weekly report every Sunday at 16:00 and the monthly one before the last Monday', () => {
  expect(built.filter((id) => id.startsWith('weekly-'))).toHaveLength(4);
  expect(built.some((id) => id.startsWith('monthly-'))).toBe(true);
});

it('shows the general manager the follow-up rate and satisfaction trends, and each report with its charts', async () => {
  const page = await phoneAs(browser, host.url, SUN);
  // the general manager's home opens on the company at a glance and the reports
  await waitForRoute(page, '/manage/reports/index');
  await see(page, '#glance', '公司概览');
  await see(page, '#glance-engineering', '工程部');
  await see(page, '#trend-followup-rate', '回访率趋势');
  // four weeks, each written under the chart, and drawn: a point per week (green when it met 90%, else
  // orange) on the blue line, and the target dashed across in red
  const weeks = page.locator('#chart-followup-rate-figures .chart-figure');
  expect(await weeks.count()).toBe(4);
  for (const text of await weeks.allInnerTexts()) expect(text).toMatch(/^\d{1,2}\/\d{1,2}\s+(\d{1,3}(\.\d)?%|—)$/);
  await see(page, '#trend-followup-rate', '红色虚线：目标 90%');
  const rate = await chartInk(page, 'chart-followup-rate', [GREEN, ORANGE, RED, BLUE]);
  expect(rate.byColour[RED]).toBeGreaterThan(50);
  expect(rate.byColour[BLUE]).toBeGreaterThan(50);
  expect(rate.byColour[GREEN] + rate.byColour[ORANGE]).toBeGreaterThan(50);
  await see(page, '#trend-satisfaction', '满意度趋势');
  expect(await page.locator('#chart-satisfaction-figures .chart-figure').count()).toBeGreaterThan(0);
  await see(page, '#chart-satisfaction-figures', /月\s*\d\.\d/);
  expect((await chartInk(page, 'chart-satisfaction', [])).painted).toBeGreaterThan(1000);
  // the glance: this week's rate against the target, as bars and in words
  await see(page, '#chart-glance-rate-figures', /本周回访率（\d+\/\d+）/);
  await see(page, '#chart-glance-rate-figures', '目标');
  expect((await chartInk(page, 'chart-glance-rate', [BLUE])).byColour[BLUE]).toBeGreaterThan(200);
  await capture(page, 'reports-list');
  // a wider window (a phone turned, a browser resized): the chart is drawn again to the new width
  const widthOf = `document.querySelector('#chart-followup-rate canvas').width`;
  const narrow = (await page.evaluate(widthOf)) as number;
  await page.setViewportSize({ width: 600, height: 844 });
  await page.waitForFunction(`${widthOf} > ${narrow}`, undefined, { timeout: 15_000 });
  expect((await chartInk(page, 'chart-followup-rate', [RED])).byColour[RED]).toBeGreaterThan(50);
  await page.setViewportSize({ width: 390, height: 844 });

  const latestWeekly = built.filter((id) => id.startsWith('weekly-')).pop() ?? '';
  await tap(page, `#report-${latestWeekly}`);
  await waitForRoute(page, '/manage/report/index');
  await see(page, '#report-title', '回访周报');
  await see(page, '#weekly-summary', '应回访');
  await see(page, '#weekly-rate', /%|—/);
  await see(page, '#weekly-completed-projects', '本周竣工工程');
  await see(page, '#chart-weekly-rate-figures', /本周\s*(\d{1,3}(\.\d)?%|—)/);
  expect((await chartInk(page, 'chart-weekly-rate', [BLUE])).byColour[BLUE]).toBeGreaterThan(200);
  await capture(page, 'reports-weekly');

  const csv = await host.post('/api/functions/report', { action: 'get', id: latestWeekly }, SUN);
  const file = await fetch(host.url + csv.data.csvUrl);
  expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await file.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('本周回访情况');

  const monthly = built.filter((id) => id.startsWith('monthly-')).pop() ?? '';
  await page.goto(`${host.url}/#/manage/report/index?id=${monthly}`);
  await see(page, '#report-title', '管理月报');
  await see(page, '#monthly-complaint-ratios', '被投诉比率');
  // one row per person under the chart, with complaints / projects and the ratio
  const people = page.locator('#chart-complaint-ratios-figures .chart-figure');
  expect(await people.count()).toBeGreaterThan(0);
  for (const text of await people.allInnerTexts()) expect(text).toMatch(/（(设计师|监理\/巡检|项目经理)）\s+\d+\/\d+（\d+\.\d{2}）$/);
  expect((await chartInk(page, 'chart-complaint-ratios', [])).painted).toBeGreaterThan(500);
  // satisfaction by stage: this month's early-stage average in colour, last month's (3.0) in grey beside it
  await see(page, '#chart-satisfaction-stage-figures', /开工回访\s*\d\.\d\s*(↑|↓)\d\.\d · 上期 3\.0/);
  await see(page, '#monthly-satisfaction-stage', '彩色条为本期，灰色条为上期');
  const stages = await chartInk(page, 'chart-satisfaction-stage', [GREEN, ORANGE, GREY]);
  expect(stages.byColour[GREEN] + stages.byColour[ORANGE]).toBeGreaterThan(200);
  expect(stages.byColour[GREY]).toBeGreaterThan(200);
  // missed repair deadlines per site manager: 张建国's, drawn in red, in words, and by category below
  await see(page, '#chart-repair-breaches-figures', /张建国\s*超时 [1-9]\d* 次/);
  expect((await chartInk(page, 'chart-repair-breaches', [RED])).byColour[RED]).toBeGreaterThan(200);
  await see(page, '#monthly-repair-breaches', /张建国 · 电路[\s\S]*超时 [1-9]\d* 次（[1-9]\d* 单）/);
  await see(page, '#monthly-repair-breaches', '超时');
  await see(page, '#monthly-desk', '咨询与建议');
  await capture(page, 'reports-monthly');
});

it('gives a site manager no reports entry, and refuses the page if they open it anyway', async () => {
  const page = await phoneAs(browser, host.url, ZHANG);
  await see(page, '#home-user-name', '张建国');
  expect(await page.locator('#entry-manage-reports').count()).toBe(0);
  await page.goto(`${host.url}/#/manage/reports/index`);
  await see(page, '#state-error-message', '您没有权限进行此操作');
  await capture(page, 'reports-refused');
});

it('shows the admin what the configuration means in words, who changed it last, and the latest imports', async () => {
  const changed = await host.post('/api/functions/admin', { action: 'setConfig', area: 'followup', changes: { dailyMessageCap: 2 } }, ADMIN);
  expect(changed).toMatchObject({ ok: true });
  const imported = await host.post('/api/functions/admin', {
    action: 'import', importId: 'e2e-lake',
    staff: 'id,name,phone,roles,department\nstaff-e2e-ma,马工长,13900139021,项目经理,工程部\n',
    homeowners: 'phone,name\n13800138051,钱女士\n',
    projects: 'id,name,address,siteManagerId,homeownerPhone,started,plannedCompletion\np-e2e-lake,湖畔 1-101,杭州市湖畔花园 1 幢 101 室,staff-e2e-ma,13800138051,2026-11-02,2027-02-28\n',
  }, ADMIN);
  expect(imported).toMatchObject({ ok: true, data: { imported: true } });
  const page = await phoneAs(browser, host.url, ADMIN);
  await see(page, '#home-user-name', '周行政');
  await tap(page, '#entry-manage-config');
  await see(page, '#config-followup', '2 条回访消息');
  await see(page, '#config-followup', '每天 10:00-11:30');
  await see(page, '#config-complaint', '客服部 → 总经理室');
  // one hotline and one set of desk hours, in followup; every settings document has its card
  await see(page, '#config-followup', '400-820-1234');
  await see(page, '#config-followup', '24 小时服务');
  expect(await page.locator('#config-service').count()).toBe(0);
  await see(page, '#config-notify', '报修进度通知已配置');
  await see(page, '#config-privacy', '质保期满后 365 天匿名化');
  await see(page, '#config-prospect', '每 60 天跟进一次');
  await see(page, '#config-retention', '员工查阅记录保存');
  await see(page, '#config-history', '修改配置 · settings/followup');
  await see(page, '#config-imports', '导入 员工 1 人、业主 1 户、项目 1 个');
  await capture(page, 'reports-admin-config');
});
