import { adminFunction as admin } from '../../cloudfunctions/admin/handler';
import { meFunction as me } from '../../cloudfunctions/me/handler';
import { planTimer } from '../../cloudfunctions/plan/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { sm, cs, owner, engManager } = PEOPLE;
const boss = PEOPLE.admin;

const stored = async (w: World, collection: string, id: string) => (await w.db.collection(collection).doc(id).get()).data[0] as any;
const everything = async (w: World) => Promise.all(['users', 'projects', 'followups', 'invites', 'adminHistory'].map((c) => snapshot(w.db, c)));
const keysOf = async (w: World, projectId: string) =>
  ((await w.db.collection('followups').where({ projectId }).limit(100).get()).data as unknown as { key: string; dueDate: string }[]).map((f) => `${f.key} ${f.dueDate}`).sort();

const STAFF_CSV = '\uFEFFid,name,phone,roles,department\r\n' +
  'o-sm-ma,马工长,13900139021,项目经理,工程部\r\n' +
  'o-designer-lin,林设计师,13900139022,,设计部\r\n';
const HOMEOWNERS_CSV = 'phone,name\n13800138051,钱女士\n13800138052,"欧阳, 先生"\n';
const PROJECTS_CSV = 'id,name,address,department,siteManagerId,homeownerPhone,designerId,started,plannedCompletion\n' +
  'p-lake,湖畔 1-101,杭州市湖畔花园 1 幢 101 室,engineering,o-sm-ma,13800138051,o-designer-lin,2026-02-25,2026-06-30\n' +
  'p-hill,山景 2-202,杭州市山景苑 2 幢 202 室,工程部,sm-zhang,13800138052,,,\n';

const importEvent = (extra: Record<string, unknown> = {}) => ({ action: 'import', importId: 'company-2026-03', staff: STAFF_CSV, homeowners: HOMEOWNERS_CSV, projects: PROJECTS_CSV, ...extra });

describe('importing a company', () => {
  it('stores staff, homeowners and projects from CSV, gives each homeowner an invite code and plans every project’s follow-ups', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const r = await w.call(admin, boss._id, importEvent());
    expect(r).toMatchObject({ ok: true, data: { imported: true, rows: { staff: 2, homeowners: 2, projects: 2 }, users: 4, projects: 2, planned: 2, plannedLater: 0 } });
    expect(await stored(w, 'users', 'o-sm-ma')).toEqual({ _id: 'o-sm-ma', name: '马工长', phone: '13900139021', roles: ['siteManager'], department: 'engineering' });
    expect(await stored(w, 'users', 'unbound-13800138052')).toEqual({ _id: 'unbound-13800138052', name: '欧阳, 先生', phone: '13800138052', roles: ['homeowner'] });
    expect(await stored(w, 'projects', 'p-lake')).toMatchObject({
      homeownerId: 'unbound-13800138051', siteManagerId: 'o-sm-ma', department: 'engineering', importId: 'company-2026-03',
      staff: { designer: { id: 'o-designer-lin', name: '林设计师' } }, milestones: { started: '2026-02-25', plannedCompletion: '2026-06-30' },
      planAt: at('2026-03-02T00:00:00+08:00'),
    });
    expect(await keysOf(w, 'p-lake')).toEqual(['earlyStage 2026-03-07', 'preCompletion 2026-06-27']);
    expect(r.data.invites.map((i: { projectId: string }) => i.projectId)).toEqual(['p-lake', 'p-hill']);

    // the homeowner redeems their code and sees their project and its follow-ups
    const code = r.data.invites[0].code;
    expect(await w.call(me, 'wx-qian', { action: 'redeemInvite', code })).toMatchObject({ ok: true, data: { projects: [{ id: 'p-lake' }] } });
    expect(await stored(w, 'followups', 'p-lake--earlyStage')).toMatchObject({ homeownerId: 'wx-qian' });
    const history = await w.call(admin, boss._id, { action: 'history', kind: 'import' });
    expect(history.data.entries).toMatchObject([{ ref: 'imports/company-2026-03', by: boss._id, after: { rows: { staff: 2, homeowners: 2, projects: 2 }, projects: ['p-lake', 'p-hill'] } }]);
  });

  it('takes JSON rows too, and a check-only run writes nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const json = {
      action: 'import', importId: 'json-1',
      homeowners: [{ phone: '13800138061', name: '孔女士' }],
      projects: [{ id: 'p-json', name: '江景 3-303', address: '杭州市江景苑 3 幢 303 室', siteManagerId: sm._id, homeownerPhone: '13800138061', depositPaid: '2026-03-01' }],
    };
    const before = await everything(w);
    expect(await w.call(admin, boss._id, { ...json, dryRun: true })).toMatchObject({ ok: true, data: { imported: false, users: 1, projects: 1 } });
    expect(await everything(w)).toEqual(before);
    expect(await w.call(admin, boss._id, json)).toMatchObject({ ok: true, data: { imported: true, projects: 1, planned: 1 } });
    expect(await keysOf(w, 'p-json')).toEqual(['depositWelcome 2026-03-01']);
  });

  it('names every bad row, field and reason, and imports nothing when any row is bad', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const before = await everything(w);
    const projects = PROJECTS_CSV +
      'p-bad,坏 1-1,杭州市某处 1 幢 1 室,marketing,cs-xu,13800138099,o-nobody,2026-02-30,\n' +
      'p-lake,重复,杭州市湖畔花园 1 幢 101 室,engineering,o-sm-ma,13800138051,,,\n' +
      'p-order,顺序 1-1,杭州市顺序苑 1 幢 1 室,engineering,o-sm-ma,13800138051,,2026-02-25,2026-02-20\n';
    const staff = STAFF_CSV + 'o-dm,某经理,1390013,部门经理,\n';
    const r = await w.call(admin, boss._id, importEvent({ projects, staff }));
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(r.fields).toEqual({
      'staff.3.phone': '手机号应为 11 位数字，以 1 开头',
      'projects.3.department': '部门应为 设计部、工程部、材料部、客服部、总经理室 之一',
      'projects.3.siteManagerId': '找不到这位项目经理：cs-xu（请先在员工表中导入，角色为项目经理）',
      'projects.3.homeownerPhone': '业主表中没有这个手机号：13800138099',
      'projects.3.designerId': '员工表中没有这位员工：o-nobody',
      'projects.3.started': '开工应为 YYYY-MM-DD 格式的日期：2026-02-30',
      'projects.4.id': '与前面的行重复：p-lake',
      'projects.5.plannedCompletion': '合同竣工日（2026-02-20）早于开工（2026-02-25）',
    });
    expect(await everything(w)).toEqual(before);
  });

  it('finishes an import run again under the same id, and refuses a project id that another import or an admin stored', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const first = await w.call(admin, boss._id, importEvent());
    const afterFirst = await snapshot(w.db, 'followups');
    const again = await w.call(admin, boss._id, importEvent());
    expect(again).toMatchObject({ ok: true, data: { imported: true, projects: 2 } });
    expect(again.data.invites).toEqual(first.data.invites);
    expect(await snapshot(w.db, 'followups')).toEqual(afterFirst);

    const before = await everything(w);
    expect(await w.call(admin, boss._id, importEvent({ importId: 'another-one' }))).toMatchObject({
      ok: false, fields: { 'projects.1.id': '项目编号已存在：p-lake', 'projects.2.id': '项目编号已存在：p-hill' },
    });
    expect(await w.call(admin, boss._id, { action: 'import', importId: 'other-1', projects: 'id,name\np-cuihu,翠湖\n' })).toMatchObject({ ok: false, fields: { 'projects.1.id': '项目编号已存在：p-cuihu' } });
    expect(await w.call(admin, boss._id, { action: 'import', importId: 'other-2' })).toMatchObject({ ok: false, fields: { 'projects.0._': '没有可导入的行' } });
    expect(await everything(w)).toEqual(before);
  });

  it('is refused to every role but admin, writing nothing', async () => {
    const w = await world();
    const before = await everything(w);
    for (const who of [owner, sm, cs, engManager]) expect(await w.call(admin, who._id, importEvent())).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await everything(w)).toEqual(before);
  });
});

describe('the planner timer', () => {
  it('plans projects it has never planned (stored before it ran), once a day', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const plan = planTimer(w.deps);
    expect(await keysOf(w, 'p-cuihu')).toEqual([]);
    expect(await plan()).toEqual({ planned: 2, added: 1, more: false });
    expect(await keysOf(w, 'p-cuihu')).toEqual(['earlyStage 2026-03-02']);
    expect(await stored(w, 'projects', 'p-cuihu')).toMatchObject({ planAt: at('2026-03-02T00:00:00+08:00') });
    expect(await plan()).toEqual({ planned: 0, added: 0, more: false });
    w.clock.set('2026-03-02T00:10:00+08:00');
    expect(await plan()).toEqual({ planned: 2, added: 0, more: false });
  });

  it('gives an imported project whose contract completion date passed without completion its late-completion check', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const projects = 'id,name,address,siteManagerId,homeownerPhone,started,plannedCompletion\n' +
      'p-late,晚竣 1-1,杭州市晚竣苑 1 幢 1 室,sm-zhang,13800138071,2026-01-05,2026-03-04\n';
    await w.call(admin, boss._id, { action: 'import', importId: 'late-1', homeowners: 'phone,name\n13800138071,严先生\n', projects });
    expect(await keysOf(w, 'p-late')).toEqual(['earlyStage 2026-01-15', 'preCompletion 2026-03-01']);

    w.clock.set('2026-03-04T23:50:00+08:00');
    await planTimer(w.deps)();
    expect(await keysOf(w, 'p-late')).not.toContain('lateCompletion:check 2026-03-05');

    w.clock.set('2026-03-05T00:10:00+08:00');
    expect(await planTimer(w.deps)()).toMatchObject({ added: 1 });
    expect(await stored(w, 'followups', 'p-late--lateCompletion-check')).toMatchObject({ kind: 'lateCompletion', dueDate: '2026-03-05', windowEnd: '2026-03-08', state: 'pending' });
  });

  it('stops at its time budget and leaves the rest, at the front, for the next run', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    let spent = 0;
    const first = await planTimer(w.deps, { pageSize: 1, maxPages: 4, budgetMs: 2, elapsed: () => spent++ })();
    expect(first).toEqual({ planned: 1, added: 0, more: true });
    const second = await planTimer(w.deps)();
    expect(second).toEqual({ planned: 1, added: 1, more: false });
  });
});
