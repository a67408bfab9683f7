import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SETTINGS_AREAS } from '@shared/admin/settings';
import { adminFunction as admin } from '../../cloudfunctions/admin/handler';
import { consoleSigner } from '../../cloudfunctions/_platform/console';
import type { Deps } from '../../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../../host/db';
import { seedDemoData } from '../../host/demo';
import { LocalFileStorage } from '../../host/files';
import { outboxMessenger, smsOutbox } from '../../host/outbox';
import { meFunction as me } from '../../cloudfunctions/me/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, otherSm, engManager, cs, gm } = PEOPLE;
const boss = PEOPLE.admin;
const secondAdmin = { _id: 'admin-qian', name: '钱主任', phone: '13700137008', roles: ['admin'] };
const NOT_ADMINS = [owner, sm, engManager, cs, gm];

const stored = async (w: World, collection: string, id: string) => (await w.db.collection(collection).doc(id).get()).data[0] as any;
const everything = async (w: World) =>
  Promise.all(['settings', 'adminHistory', 'users', 'projects', 'invites', 'surveyProposals', 'surveys', 'followups'].map((c) => snapshot(w.db, c)));
const asConsole = (w: World, name: string, event: unknown) => admin(w.deps)(event, { openid: null, console: name });

describe('admin configuration', () => {
  it('refuses a value the rules would ignore, naming the field, and writes nothing', async () => {
    const w = await world();
    const before = await everything(w);
    const set = (area: string, changes: unknown) => w.call(admin, boss._id, { action: 'setConfig', area, changes });
    expect(await set('followup', { dailyMessageCap: 0 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'changes.dailyMessageCap': '每日消息上限不能小于 1' } });
    expect(await set('followup', { contactWindows: [{ days: 'any', from: '17:00', to: '09:00' }] })).toMatchObject({
      ok: false, fields: { 'changes.contactWindows.0': '结束时间应晚于开始时间' },
    });
    expect(await set('followup', { schedule: { earlyStageOffsetDays: -2 } })).toMatchObject({ ok: false, fields: { 'changes.schedule.earlyStageOffsetDays': '天数或月数不能小于 0' } });
    expect(await set('followup', { hotline: '打这个电话' })).toMatchObject({ ok: false, fields: { 'changes.hotline': '服务热线应为 5-20 位数字或“-”' } });
    expect(await set('followup', { templates: { stageVisit: { id: 'tpl-1', fields: { thing1: 'nonsense' } } } })).toMatchObject({ ok: false, fields: { 'changes.templates.stageVisit.fields.thing1': expect.stringContaining('取值应为') } });
    expect(await set('complaint', { routing: { design: 'marketing' } })).toMatchObject({ ok: false, fields: { 'changes.routing.design': '部门无效' } });
    expect(await set('complaint', { ladder: ['management', 'management'] })).toMatchObject({ ok: false, fields: { 'changes.ladder': '复审层级中部门不能重复' } });
    expect(await set('repair', { onSiteWithinHours: { plumbing: 0 } })).toMatchObject({ ok: false, fields: { 'changes.onSiteWithinHours.plumbing': '上门时限应大于 0' } });
    expect(await set('repair', { contactWithinHour: 12 })).toMatchObject({ ok: false, fields: { changes: '未知的设置项：contactWithinHour' } });
    expect(await set('weather', { sunny: true })).toMatchObject({ ok: false, fields: { area: expect.stringContaining('设置分区应为') } });
    expect(await set('repair', {})).toMatchObject({ ok: false, fields: { changes: '请至少修改一项设置' } });
    expect(await everything(w)).toEqual(before);
  });

  it('stores a valid change, which takes effect, and keeps every change with who, when, before and after', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const first = await w.call(admin, boss._id, { action: 'setConfig', area: 'repair', changes: { contactWithinHours: 12, onSiteWithinHours: { plumbing: 2 } } });
    expect(first).toMatchObject({ ok: true, data: { area: 'repair', stored: { contactWithinHours: 12, onSiteWithinHours: { plumbing: 2 } }, ignored: {} } });
    expect(first.data.effective).toMatchObject({ contactWithinHours: 12, onSiteWithinHours: { plumbing: 2, electrical: 4, tiling: 24 } });

    w.clock.set('2026-03-02T09:30:00+08:00');
    const second = await w.call(admin, boss._id, { action: 'setConfig', area: 'repair', changes: { contactWithinHours: null } });
    expect(second.data.effective).toMatchObject({ contactWithinHours: 24, onSiteWithinHours: { plumbing: 2 } });
    expect(await stored(w, 'settings', 'repair')).toEqual({ _id: 'repair', onSiteWithinHours: { plumbing: 2 } });

    const history = await w.call(admin, boss._id, { action: 'history', kind: 'config' });
    expect(history.data.entries).toMatchObject([
      { ref: 'settings/repair', by: boss._id, byName: '周行政', at: at('2026-03-02T09:30:00+08:00'),
        before: { contactWithinHours: 12, onSiteWithinHours: { plumbing: 2 } }, after: { onSiteWithinHours: { plumbing: 2 } } },
      { ref: 'settings/repair', by: boss._id, at: at('2026-03-01T10:00:00+08:00'), before: {}, after: { contactWithinHours: 12, onSiteWithinHours: { plumbing: 2 } } },
    ]);
  });

  it('shows what takes effect, and names a bad value edited by hand in the database as ignored', async () => {
    const w = await world();
    await w.db.collection('settings').doc('followup').set({ dailyMessageCap: 'two', hotline: '400-123-4567' });
    const r = await w.call(admin, boss._id, { action: 'getConfig', area: 'followup' });
    expect(r.data.areas).toMatchObject([{ area: 'followup', ignored: { dailyMessageCap: '每日消息上限应为数字' }, effective: { dailyMessageCap: 1, hotline: '400-123-4567' } }]);
    const all = await w.call(admin, boss._id, { action: 'getConfig' });
    expect(all.data.areas.map((a: { area: string }) => a.area)).toEqual(['followup', 'repair', 'complaint', 'notify', 'privacy', 'prospect', 'campaign', 'retention']);
    expect(all.data.areas[0].effective).toMatchObject({ hotline: '400-123-4567', deskHours: '24 小时服务' });
    expect(all.data.areas[0].summary).toContainEqual({ label: '联系时段', value: '每天 10:00-11:30、每天 15:00-17:30' });
    expect(all.data.areas[0].summary).toContainEqual({ label: '每位业主每天最多', value: '1 条回访消息' });
    expect(all.data.areas[1].summary).toContainEqual({ label: '上门：水路', value: '4 小时内' });
    expect(all.data.areas[2].summary).toContainEqual({ label: '复审层级', value: '客服部 → 总经理室' });
  });

  it('is refused to every role but admin, writing nothing', async () => {
    const w = await world();
    const before = await everything(w);
    for (const who of NOT_ADMINS) {
      expect(await w.call(admin, who._id, { action: 'setConfig', area: 'repair', changes: { contactWithinHours: 1 } })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(admin, who._id, { action: 'getConfig' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(admin, null, { action: 'getConfig' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    expect(await everything(w)).toEqual(before);
  });

  it('acts for an admin at the console who signed the event with their own key, under their name', async () => {
    const keys = '周行政=k-zhou-0123456789abcdefghij;钱主任=k-qian-0123456789abcdefghij';
    expect(consoleSigner({ action: 'getConfig', consoleKey: 'k-qian-0123456789abcdefghij' }, keys)).toBe('钱主任');
    expect(consoleSigner({ action: 'getConfig', consoleKey: 'k-qian-0123456789abcdefghiX' }, keys)).toBeNull();
    expect(consoleSigner({ action: 'getConfig', consoleKey: 'short' }, '周行政=short')).toBeNull();
    expect(consoleSigner({ action: 'getConfig' }, keys)).toBeNull();
    expect(consoleSigner({ action: 'getConfig', consoleKey: 'k-qian-0123456789abcdefghij' }, undefined)).toBeNull();

    const w = await world();
    const r = await asConsole(w, '钱主任', { action: 'setConfig', area: 'followup', changes: { deskHours: '每天 8:00-22:00' } });
    expect(r).toMatchObject({ ok: true, data: { effective: { deskHours: '每天 8:00-22:00' } } });
    expect((await snapshot(w.db, 'adminHistory'))[0]).toMatchObject({ by: 'console:钱主任', byName: '钱主任（控制台）' });
  });
});

/** A good value of every area added after the first five, and of the fields the first ones gained since. */
const GOOD: [area: string, changes: Record<string, unknown>, effective: Record<string, unknown>, line: { label: string; value: string }][] = [
  ['followup', { maxCallAttempts: 2, minCallSpacingMinutes: 30, deskHours: '每天 8:00-22:00' }, { maxCallAttempts: 2, minCallSpacingMinutes: 30, deskHours: '每天 8:00-22:00' },
    { label: '每次回访最多拨打', value: '2 次未接通后不再拨打' }],
  ['complaint', { resultWithinDays: 5 }, { resultWithinDays: 5, replyWithinHours: 24 }, { label: '处理结果', value: '受理函承诺 5 天内给出' }],
  ['notify', { pushWindow: { from: '09:00', to: '20:00' }, claimLeaseMinutes: 15,
    templates: { repairProgress: { id: 'tpl-repair', fields: { thing1: 'title', time2: 'time' } }, repair_urged: { id: 'tpl-urge', fields: { thing1: 'title' } } } },
    { pushWindow: { from: '09:00', to: '20:00' }, claimLeaseMinutes: 15, templates: { repairProgress: { id: 'tpl-repair' }, 'repair.urged': { id: 'tpl-urge' } } },
    { label: '单独模板', value: 'repair_urged' }],
  ['privacy', { deletionDelayDays: 7, retentionDaysAfterWarranty: 730 }, { deletionDelayDays: 7, retentionDaysAfterWarranty: 730 },
    { label: '业主个人信息保存', value: '质保期满后 730 天匿名化（报表和员工查阅记录的保存见“保存期限”）' }],
  ['prospect', { everyDays: { A: 2, E: 90 }, afterShowroomVisitDays: 3 }, { everyDays: { A: 2, B: 2, C: 7, D: 30, E: 90 }, afterShowroomVisitDays: 3 },
    { label: 'E 类客户', value: '每 90 天跟进一次' }],
  ['campaign', { template: { id: 'tpl-offer', fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } } },
    { id: 'tpl-offer', fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } },
    { label: '营销消息模板', value: '已配置（tpl-offer）：只发给同意微信营销消息的业主，每条写明退订方式' }],
];

describe('every settings document the product reads, configured by the admin', () => {
  it('a settings document is read only where an admin area covers it, and every admin area is read by the product', () => {
    const root = join(__dirname, '../../cloudfunctions');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const read = new Set<string>();
    const byVariable: string[] = [];
    for (const file of files(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bsettings(?:\.within\([^)]*\))?\.get\(([^)]*)\)/g)) {
        const literal = /^\s*['"`]([^'"`]+)['"`]\s*$/.exec(m[1]);
        if (literal) read.add(literal[1]);
        else byVariable.push(relative(root, file));
      }
    }
    // only the admin's own configuration actions read a settings document by a variable (an area of SETTINGS_AREAS)
    expect([...new Set(byVariable)]).toEqual(['admin/config.ts']);
    expect([...read].sort()).toEqual([...SETTINGS_AREAS].sort());
    // and each is read through a loader of _usecases/settings.ts, not here and there
    const loaders = readFileSync(join(root, '_usecases/settings.ts'), 'utf8');
    for (const id of read) expect(loaders).toContain(`settings.get('${id}')`);
  });

  it.each(GOOD)('stores a good %s value, which takes effect, reads in words and is kept in the history', async (area, changes, effective, line) => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const r = await w.call(admin, boss._id, { action: 'setConfig', area, changes });
    expect(r).toMatchObject({ ok: true, data: { area, stored: changes, ignored: {}, effective } });
    expect(r.data.summary).toContainEqual(line);
    expect(await stored(w, 'settings', area)).toEqual({ _id: area, ...changes });
    const history = await w.call(admin, boss._id, { action: 'history', ref: `settings/${area}` });
    expect(history.data.entries).toMatchObject([{ _id: r.data.historyId, kind: 'config', by: boss._id, at: at('2026-03-01T10:00:00+08:00'), before: {}, after: changes }]);
  });

  it('refuses a bad value in each area, naming the field in Chinese, and writes nothing', async () => {
    const w = await world();
    await w.call(admin, boss._id, { action: 'setConfig', area: 'privacy', changes: { deletionDelayDays: 7 } });
    const before = await everything(w);
    const set = (area: string, changes: unknown) => w.call(admin, boss._id, { action: 'setConfig', area, changes });
    const refused = [
      ['followup', { maxCallAttempts: 0 }, { 'changes.maxCallAttempts': '每次回访最多拨打次数不能小于 1' }],
      ['followup', { minCallSpacingMinutes: 1.5 }, { 'changes.minCallSpacingMinutes': '两次拨打最短间隔分钟数应为整数' }],
      ['followup', { deskHours: ' ' }, { 'changes.deskHours': '请填写服务时间' }],
      ['followup', { deskHours: '工作日上午九点到下午六点，周末及节假日上午十点到下午四点' }, { 'changes.deskHours': '服务时间最多 20 个字' }],
      ['complaint', { resultWithinDays: 0 }, { 'changes.resultWithinDays': '处理结果期限天数不能小于 1' }],
      ['notify', { pushWindow: { from: '21:00', to: '08:00' } }, { 'changes.pushWindow': '推送时段的结束时间应晚于开始时间' }],
      ['notify', { pushWindow: { from: '8:00', to: '21:00' } }, { 'changes.pushWindow.from': '开始时间应为 HH:mm，如 08:00' }],
      ['notify', { templates: { weekly: { id: 'tpl-x', fields: { thing1: 'title' } } } }, { 'changes.templates': '未知的设置项：weekly' }],
      ['notify', { templates: { staffWork: { id: 'tpl-x', fields: { thing1: 'project' } } } }, { 'changes.templates.staffWork.fields.thing1': '取值应为 title、body、ref、time 之一' }],
      ['notify', { claimLeaseMinutes: 0 }, { 'changes.claimLeaseMinutes': '推送确认等待分钟数不能小于 1' }],
      ['privacy', { deletionDelayDays: 60 }, { 'changes.deletionDelayDays': '删除申请执行天数不能大于 30' }],
      ['privacy', { retentionDaysAfterWarranty: -1 }, { 'changes.retentionDaysAfterWarranty': '质保期满后保存天数不能小于 0' }],
      ['privacy', { retentionMonths: 12 }, { changes: '未知的设置项：retentionMonths' }],
      ['prospect', { everyDays: { A: 0 } }, { 'changes.everyDays.A': '跟进间隔天数不能小于 1' }],
      ['prospect', { everyDays: { F: 3 } }, { 'changes.everyDays': '未知的设置项：F' }],
      ['prospect', { afterShowroomVisitDays: '2' }, { 'changes.afterShowroomVisitDays': '到店后回访天数应为数字' }],
      ['campaign', { template: { id: 'tpl-offer', fields: { thing1: 'title', thing2: 'body' } } }, { 'changes.template.fields': '营销消息必须有一个字段写明退订方式（optOut）' }],
      ['campaign', { template: { id: '', fields: { thing1: 'optOut' } } }, { 'changes.template.id': '请填写模板 ID' }],
      ['service', { deskHours: '全天 24 小时' }, { area: expect.stringContaining('设置分区应为') }],
    ] as const;
    for (const [area, changes, fields] of refused) expect(await set(area, changes)).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields });
    expect(await everything(w)).toEqual(before);
  });

  it('is refused in each new area to every role but admin, writing nothing', async () => {
    const w = await world();
    const before = await everything(w);
    for (const [area, changes] of GOOD) {
      for (const who of NOT_ADMINS) {
        expect(await w.call(admin, who._id, { action: 'setConfig', area, changes })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
        expect(await w.call(admin, who._id, { action: 'getConfig', area })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      }
    }
    expect(await everything(w)).toEqual(before);
  });

  it('one hotline and one set of desk hours: what the admin sets in followup is what every screen is served', async () => {
    const w = await world();
    await w.call(admin, boss._id, { action: 'setConfig', area: 'followup', changes: { hotline: '400-820-1234', deskHours: '每天 8:00-22:00' } });
    for (const who of [owner, sm, cs]) {
      expect((await w.call(me, who._id, { action: 'whoami' })).data.service).toMatchObject({ hotline: '400-820-1234', deskHours: '每天 8:00-22:00' });
    }
    // the failures that tell someone to call name the same hotline
    expect(await w.call(admin, 'o-stranger', { action: 'getConfig' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED', message: '没有找到您的账户信息：请在首页输入公司给您的邀请码绑定房屋，或致电客服 400-820-1234' });
    const broken = admin({ ...w.deps, clock: { now: () => { throw new Error('clock stopped'); } }, log: { info: () => undefined, error: () => undefined } });
    expect(await broken({ action: 'getConfig' }, { openid: boss._id })).toEqual({ ok: false, code: 'SYSTEM.INTERNAL', message: '系统繁忙，请稍后再试；如仍有问题请致电 400-820-1234' });
    const all = await w.call(admin, boss._id, { action: 'getConfig' });
    const lines = all.data.areas.flatMap((a: { summary: { label: string }[] }) => a.summary.map((l) => l.label));
    expect(lines.filter((l: string) => l === '服务时间')).toHaveLength(1);
    expect(lines.filter((l: string) => l === '服务热线')).toHaveLength(1);
  });

  it('the demo data configures only what the admin could set: nothing of it is ignored, the desk hours and hotline once', async () => {
    const db = openEmbeddedDatabase(':memory:');
    const clock = { now: () => at('2026-11-29T10:00:00+08:00') };
    await seedDemoData(db, clock.now(), new LocalFileStorage(mkdtempSync(join(tmpdir(), 'huifang-admin-'))));
    const deps: Deps = { db, clock, files: new LocalFileStorage(mkdtempSync(join(tmpdir(), 'huifang-admin-'))), messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
    const r: any = await admin(deps)({ action: 'getConfig' }, { openid: 'demo-admin' });
    expect(r.data.areas.map((a: { area: string; ignored: object }) => [a.area, a.ignored])).toEqual(SETTINGS_AREAS.map((a) => [a, {}]));
    expect(r.data.areas[0].effective).toMatchObject({ hotline: '400-820-1234', deskHours: '24 小时服务' });
  });

  it('says which retention is which: reports and the audit log in retention, homeowners\' personal data in privacy', async () => {
    const w = await world();
    const all = await w.call(admin, boss._id, { action: 'getConfig' });
    const summary = (area: string) => all.data.areas.find((a: { area: string }) => a.area === area).summary;
    expect(summary('retention')).toEqual([
      { label: '报表保存', value: '24 个月' },
      { label: '员工查阅记录保存', value: '3 年' },
      { label: '业主个人信息', value: '不在此设置：见“个人信息”（质保期满后匿名化）' },
    ]);
    expect(summary('privacy')).toEqual([
      { label: '删除申请', value: '申请后立即执行' },
      { label: '业主个人信息保存', value: '质保期满后 365 天匿名化（报表和员工查阅记录的保存见“保存期限”）' },
    ]);
  });
});

describe('staff, roles and sites', () => {
  it('adds staff under their openid, changes their roles, and lists them by role and department', async () => {
    const w = await world();
    const added = await w.call(admin, boss._id, { action: 'saveStaff', id: 'o-new-sm', name: '马工长', phone: '13900139009', roles: ['siteManager'], department: 'engineering' });
    expect(added).toMatchObject({ ok: true, data: { staff: { id: 'o-new-sm', roles: ['siteManager'], department: 'engineering' } } });
    const managers = await w.call(admin, boss._id, { action: 'listStaff', role: 'siteManager' });
    expect(managers.data.staff.map((s: { id: string }) => s.id).sort()).toEqual(['o-new-sm', otherSm._id, sm._id].sort());
    const design = await w.call(admin, boss._id, { action: 'listStaff', department: 'design' });
    expect(design.data.staff.map((s: { id: string }) => s.id)).toEqual(['dm-design']);
    const everyone = await w.call(admin, boss._id, { action: 'listStaff' });
    expect(everyone.data.staff.map((s: { id: string }) => s.id)).not.toContain(owner._id);

    w.clock.set('2026-03-01T11:00:00+08:00');
    await w.call(admin, boss._id, { action: 'saveStaff', id: 'o-new-sm', name: '马工长', phone: '13900139009', roles: ['siteManager', 'customerService'], department: 'engineering' });
    expect(await stored(w, 'users', 'o-new-sm')).toMatchObject({ roles: ['siteManager', 'customerService'] });
    const history = await w.call(admin, boss._id, { action: 'history', ref: 'users/o-new-sm' });
    expect(history.data.entries.map((e: any) => [e.before?.roles ?? null, e.after.roles])).toEqual([[['siteManager'], ['siteManager', 'customerService']], [null, ['siteManager']]]);
  });

  it('refuses a department manager without a department, and an admin taking away their own admin role', async () => {
    const w = await world();
    const before = await everything(w);
    expect(await w.call(admin, boss._id, { action: 'saveStaff', id: 'o-x', name: '某经理', phone: '13900139010', roles: ['deptManager'] })).toMatchObject({ ok: false, fields: { department: '部门经理需要选择部门' } });
    expect(await w.call(admin, boss._id, { action: 'saveStaff', id: boss._id, name: '周行政', phone: '13700137003', roles: ['customerService'] })).toMatchObject({ ok: false, fields: { roles: '不能取消自己的管理员角色' } });
    expect(await w.call(admin, boss._id, { action: 'saveStaff', id: 'o-y', name: '某人', phone: '12345', roles: ['homeowner'] })).toMatchObject({
      ok: false, fields: { phone: '手机号应为 11 位数字，以 1 开头', 'roles.0': '角色无效' },
    });
    expect(await w.call(admin, cs._id, { action: 'saveStaff', id: 'o-z', name: '某人', phone: '13900139011', roles: ['admin'] })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);
  });

  it('adds a site with its site manager and homeowner, due for the planner from the next day', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const site = { action: 'saveSite', id: 'p-xixi', name: '西溪花园 2-502', address: '杭州市西湖区西溪花园 2 幢 502 室', department: 'engineering', siteManagerId: sm._id, homeownerId: otherOwner._id };
    expect(await w.call(admin, boss._id, { ...site, siteManagerId: cs._id })).toMatchObject({ ok: false, fields: { siteManagerId: expect.stringContaining('找不到这位项目经理') } });
    expect(await w.call(admin, boss._id, site)).toMatchObject({ ok: true, data: { site: { id: 'p-xixi', siteManagerId: sm._id, homeownerId: otherOwner._id } } });
    expect(await stored(w, 'projects', 'p-xixi')).toMatchObject({ milestones: {}, createdAt: at('2026-03-01T10:00:00+08:00'), planAt: at('2026-03-02T00:00:00+08:00') });
    // a site's homeowner changes only through an invite code; the site manager may change
    const before = await everything(w);
    expect(await w.call(admin, boss._id, { ...site, homeownerId: owner._id })).toMatchObject({ ok: false, fields: { homeownerId: expect.stringContaining('邀请码') } });
    expect(await everything(w)).toEqual(before);
    expect(await w.call(admin, boss._id, { ...site, siteManagerId: otherSm._id })).toMatchObject({ ok: true, data: { site: { siteManagerId: otherSm._id } } });
  });
});

describe('invite codes', () => {
  async function unboundProject(w: World) {
    await w.db.collection('users').doc('unbound-13800138077').set({ name: '钟女士', phone: '13800138077', roles: ['homeowner'] });
    await w.db.collection('projects').doc('p-new').set({
      name: '新城 1-101', address: '杭州市新城 1 幢 101 室', homeownerId: 'unbound-13800138077', siteManagerId: sm._id, department: 'engineering',
      staff: {}, milestones: { started: '2026-02-25' }, createdAt: 0,
    });
    await w.db.collection('followups').doc('p-new--earlyStage').set({ projectId: 'p-new', homeownerId: 'unbound-13800138077', key: 'earlyStage' });
  }

  it('binds the WeChat that redeems the code to the project, once; another WeChat is refused and changes nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await unboundProject(w);
    const made = await w.call(admin, boss._id, { action: 'createInvite', projectId: 'p-new' });
    expect(made).toMatchObject({ ok: true, data: { projectId: 'p-new', expiresAt: at('2026-03-31T10:00:00+08:00') } });
    const code: string = made.data.code;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

    expect(await w.call(me, 'wx-zhong', { action: 'whoami' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    const redeemed = await w.call(me, 'wx-zhong', { action: 'redeemInvite', code: code.toLowerCase().replace(/^(....)/, '$1-') });
    expect(redeemed).toMatchObject({ ok: true, data: { user: { id: 'wx-zhong', name: '钟女士', roles: ['homeowner'] }, projects: [{ id: 'p-new', name: '新城 1-101' }] } });
    expect(await stored(w, 'users', 'wx-zhong')).toEqual({ _id: 'wx-zhong', name: '钟女士', phone: '13800138077', roles: ['homeowner'] });
    expect(await stored(w, 'projects', 'p-new')).toMatchObject({ homeownerId: 'wx-zhong' });
    expect(await stored(w, 'followups', 'p-new--earlyStage')).toMatchObject({ homeownerId: 'wx-zhong' });
    expect(await stored(w, 'invites', code)).toMatchObject({ redeemedBy: 'wx-zhong', redeemedAt: at('2026-03-01T10:00:00+08:00') });
    expect((await w.call(me, 'wx-zhong', { action: 'whoami' })).data.projects.map((p: { id: string }) => p.id)).toEqual(['p-new']);

    const before = await everything(w);
    expect(await w.call(me, 'wx-someone-else', { action: 'redeemInvite', code })).toMatchObject({ ok: false, code: 'INVITE.USED' });
    expect(await w.call(me, owner._id, { action: 'redeemInvite', code })).toMatchObject({ ok: false, code: 'INVITE.USED' });
    expect(await w.call(me, 'wx-zhong', { action: 'redeemInvite', code })).toMatchObject({ ok: true, data: { projects: [{ id: 'p-new' }] } });
    expect(await everything(w)).toEqual(before);
  });

  it('refuses a wrong or expired code and a code from anyone but an admin', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await unboundProject(w);
    expect(await w.call(me, 'wx-zhong', { action: 'redeemInvite', code: 'ABCD' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { code: '邀请码是 8 位字母和数字，请核对后重试' } });
    expect(await w.call(me, 'wx-zhong', { action: 'redeemInvite', code: 'ABCDEFGH' })).toMatchObject({ ok: false, code: 'INVITE.NOT_FOUND' });
    expect(await w.call(me, null, { action: 'redeemInvite', code: 'ABCDEFGH' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    for (const who of NOT_ADMINS) expect(await w.call(admin, who._id, { action: 'createInvite', projectId: 'p-new' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(admin, 'wx-stranger', { action: 'createInvite', projectId: 'p-new' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    const code = (await w.call(admin, boss._id, { action: 'createInvite', projectId: 'p-new' })).data.code;
    w.clock.set('2026-03-31T10:00:00+08:00');
    const before = await everything(w);
    expect(await w.call(me, 'wx-zhong', { action: 'redeemInvite', code })).toMatchObject({ ok: false, code: 'INVITE.EXPIRED' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('publishing a questionnaire needs a second admin (004 4.5)', () => {
  const proposal = {
    action: 'proposeSurvey', stage: 'mid', title: '中期回访', intro: '',
    sections: [{ id: 'mid', title: '中期', questions: [{ id: 'progress', type: 'rating', text: '您对施工进度满意吗？', topic: 'schedule' }] }],
  };

  it('publishes only when an admin other than the proposer approves it, once', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await w.db.collection('users').doc(secondAdmin._id).set({ name: secondAdmin.name, phone: secondAdmin.phone, roles: secondAdmin.roles });
    const proposed = await w.call(admin, boss._id, proposal);
    const id = proposed.data.proposal._id;
    expect(proposed.data.proposal).toMatchObject({ state: 'proposed', proposedBy: boss._id });
    expect(await stored(w, 'surveys', 'mid')).toBeUndefined();
    expect((await w.call(admin, secondAdmin._id, { action: 'proposals' })).data.proposals.map((p: { _id: string }) => p._id)).toEqual([id]);

    const before = await everything(w);
    expect(await w.call(admin, boss._id, { action: 'approveSurvey', proposalId: id })).toMatchObject({ ok: false, code: 'SURVEY.SAME_APPROVER' });
    for (const who of NOT_ADMINS) expect(await w.call(admin, who._id, { action: 'approveSurvey', proposalId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);

    w.clock.set('2026-03-02T09:00:00+08:00');
    const approved = await w.call(admin, secondAdmin._id, { action: 'approveSurvey', proposalId: id });
    expect(approved).toMatchObject({ ok: true, data: { proposal: { state: 'approved', approvedBy: secondAdmin._id, version: 2 }, survey: { stage: 'mid', version: 2, publishedBy: secondAdmin._id } } });
    expect(await stored(w, 'surveys', 'mid')).toMatchObject({ version: 2, publishedAt: at('2026-03-02T09:00:00+08:00') });

    const after = await everything(w);
    expect(await w.call(admin, secondAdmin._id, { action: 'approveSurvey', proposalId: id })).toMatchObject({ ok: false, code: 'SURVEY.PROPOSAL_NOT_WAITING' });
    expect(await everything(w)).toEqual(after);
    const history = await w.call(admin, boss._id, { action: 'history', ref: `surveyProposals/${id}` });
    expect(history.data.entries.map((e: { kind: string; by: string }) => [e.kind, e.by])).toEqual([['surveyApproved', secondAdmin._id], ['surveyProposed', boss._id]]);
  });
});
