import { followUpId, newFollowUp } from '@shared/followup/followup';
import { phoneTaskFollowUp } from '@shared/followup/dispatch';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { projectFunction as project } from '../../cloudfunctions/project/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { BUDGET_MS, retentionTimer } from '../../cloudfunctions/retention/handler';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin, engManager } = PEOPLE;
const [cuihu, binjiang] = PROJECTS;

const fileRepair = (w: World, description: string) =>
  w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'plumbing', description, photos: [w.files.add('local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg')],
    preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
  });

async function user(w: World, id: string) {
  return (await w.db.collection('users').doc(id).get()).data[0];
}
async function projectDoc(w: World, id: string) {
  return (await w.db.collection('projects').doc(id).get()).data[0];
}

describe('我的数据: see, copy and correct', () => {
  it('shows the homeowner what is held about them, and nothing of anyone else', async () => {
    const w = await world();
    await fileRepair(w, '厨房水槽下面一直在滴水');
    const r = await w.call(privacy, owner._id, { action: 'myData' });
    expect(r.ok).toBe(true);
    const { copy, deletion } = r.data;
    expect(copy.profile).toEqual({ name: '李女士', phone: '13800138001', contactWindows: null, anonymisedAt: null });
    expect(copy.projects).toEqual([expect.objectContaining({ id: 'p-cuihu', address: cuihu.address, milestones: { started: '2026-02-20' } })]);
    expect(copy.repairs).toEqual([expect.objectContaining({ projectId: 'p-cuihu', description: '厨房水槽下面一直在滴水' })]);
    expect(JSON.stringify(copy)).not.toContain(otherOwner.phone);
    expect(JSON.stringify(copy)).not.toContain(binjiang.address);
    expect(deletion).toMatchObject({ request: null, kept: expect.arrayContaining([expect.objectContaining({ why: expect.any(String) })]) });
  });

  it('tells the homeowner how often staff looked at their data', async () => {
    const w = await world();
    await w.call(project, sm._id, { action: 'mine' });
    w.clock.advanceHours(1);
    await w.call(project, sm._id, { action: 'detail', projectId: 'p-cuihu' });
    const r = await w.call(privacy, owner._id, { action: 'myData' });
    expect(r.data.copy.staffReads).toEqual({ count: 2, lastAt: at('2026-03-01T11:00:00+08:00') });
  });

  it('corrects the homeowner’s own name and phone; a bad phone is refused and nothing is written', async () => {
    const w = await world();
    expect(await w.call(privacy, owner._id, { action: 'correct', name: '李 女士', phone: '1380013800' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { phone: expect.stringContaining('11 位') } });
    expect(await user(w, owner._id)).toMatchObject({ name: '李女士', phone: '13800138001' });
    expect(await w.call(privacy, owner._id, { action: 'correct', name: '李晓梅', phone: '13912345678', homeownerId: otherOwner._id })).toMatchObject({ ok: true, data: { profile: { name: '李晓梅', phone: '13912345678' } } });
    expect(await user(w, owner._id)).toMatchObject({ name: '李晓梅', phone: '13912345678' });
    expect(await user(w, otherOwner._id)).toMatchObject({ name: '王先生', phone: '13800138002' });
  });

  it('only homeowners reach 我的数据, correction and deletion', async () => {
    const w = await world();
    for (const who of [sm, cs, admin, engManager]) {
      for (const event of [{ action: 'myData' }, { action: 'correct', name: '某某', phone: '13812345678' }, { action: 'requestDeletion', confirm: true }]) {
        expect(await w.call(privacy, who._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      }
    }
    expect(await snapshot(w.db, 'deletionRequests')).toEqual([]);
  });
});

describe('deletion: personal fields anonymised, business records kept and explained', () => {
  it('anonymises at once when no delay is configured, and says what was kept and why', async () => {
    const w = await world();
    await fileRepair(w, '水槽漏水，请联系我 138-0013-8001');
    const r = await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true });
    expect(r).toMatchObject({ ok: true, data: { request: { state: 'done', doneAt: at('2026-03-01T10:00:00+08:00') } } });
    expect(r.data.kept.length).toBeGreaterThan(0);
    expect(r.data.erased).toContain('手机号');
    expect(await user(w, owner._id)).toMatchObject({ name: '已匿名业主', phone: '', anonymisedAt: at('2026-03-01T10:00:00+08:00') });
    const p = await projectDoc(w, 'p-cuihu');
    expect(p).toMatchObject({ address: '', milestones: { started: '2026-02-20' } });
    const [ticket] = (await snapshot(w.db, 'repairs')) as { description: string }[];
    expect(ticket.description).toBe('水槽漏水，请联系我 ***********');
    expect(await projectDoc(w, 'p-binjiang')).toMatchObject({ address: binjiang.address });
    expect(await snapshot(w.db, 'notices')).toEqual(expect.arrayContaining([expect.objectContaining({ to: owner._id, kind: 'privacy.deleted' })]));
  });

  it('refuses a request without the confirmation, writing nothing', async () => {
    const w = await world();
    expect(await w.call(privacy, owner._id, { action: 'requestDeletion' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { confirm: expect.any(String) } });
    expect(await snapshot(w.db, 'deletionRequests')).toEqual([]);
    expect(await user(w, owner._id)).toMatchObject({ name: '李女士' });
  });

  it('with a delay, waits until the day comes (the retention timer carries it out), and can be cancelled before', async () => {
    const w = await world();
    await w.db.collection('settings').doc('privacy').set({ deletionDelayDays: 7 });
    const r = await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true });
    expect(r.data.request).toMatchObject({ state: 'pending', dueAt: at('2026-03-08T10:00:00+08:00') });
    expect(await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true })).toMatchObject({ data: { request: { state: 'pending', requestedAt: at('2026-03-01T10:00:00+08:00') } } });
    w.clock.set('2026-03-08T09:59:00+08:00');
    expect(await retentionTimer(w.deps)()).toMatchObject({ deletions: 0 });
    expect(await user(w, owner._id)).toMatchObject({ name: '李女士' });
    w.clock.set('2026-03-08T10:00:00+08:00');
    expect(await retentionTimer(w.deps)()).toMatchObject({ deletions: 1 });
    expect(await user(w, owner._id)).toMatchObject({ name: '已匿名业主', phone: '' });
    expect(await w.call(privacy, owner._id, { action: 'cancelDeletion' })).toMatchObject({ ok: false, code: 'PRIVACY.NOTHING_TO_CANCEL' });
    expect(await retentionTimer(w.deps)()).toMatchObject({ deletions: 0 });
  });

  it('a pending request cancelled is never carried out', async () => {
    const w = await world();
    await w.db.collection('settings').doc('privacy').set({ deletionDelayDays: 7 });
    await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true });
    expect(await w.call(privacy, owner._id, { action: 'cancelDeletion' })).toMatchObject({ ok: true, data: { request: { state: 'cancelled' } } });
    w.clock.set('2026-03-20T10:00:00+08:00');
    await retentionTimer(w.deps)();
    expect(await user(w, owner._id)).toMatchObject({ name: '李女士', phone: '13800138001' });
  });
});

describe('retention: the timer anonymises projects past the warranty horizon plus the retention period', () => {
  async function completed(w: World, id: string, homeownerId: string, date: string) {
    const { _id: _ignored, ...fields } = cuihu;
    await w.db.collection('projects').doc(id).set({ ...fields, name: `项目 ${id}`, address: `地址 ${id}`, homeownerId, milestones: { completed: date } });
  }

  it('anonymises a project completed before the cutoff, keeps one completed on it, and the homeowner only when none of theirs is kept', async () => {
    const w = await world('2032-03-01T10:00:00+08:00');
    // cutoff: 2032-03-01 − 365 days − 5 years = 2026-03-02
    await completed(w, 'p-old', otherOwner._id, '2026-03-01');
    await completed(w, 'p-edge', owner._id, '2026-03-02');
    await completed(w, 'p-old-li', owner._id, '2025-01-01');
    const run = await retentionTimer(w.deps)();
    expect(run).toMatchObject({ projects: 2, cutoff: '2026-03-02', more: false });
    expect(await projectDoc(w, 'p-old')).toMatchObject({ address: '', anonymisedAt: at('2032-03-01T10:00:00+08:00') });
    expect(await projectDoc(w, 'p-old-li')).toMatchObject({ address: '' });
    expect(await projectDoc(w, 'p-edge')).toMatchObject({ address: '地址 p-edge' });
    // 王先生 also has p-binjiang, which has no completion: still kept, so his name and phone stay
    expect(await user(w, otherOwner._id)).toMatchObject({ name: '王先生' });
    expect(await user(w, owner._id)).toMatchObject({ name: '李女士' });
    expect(await retentionTimer(w.deps)()).toMatchObject({ projects: 0 });
  });

  it('anonymises the homeowner once their last kept project is past retention', async () => {
    const w = await world('2032-03-01T10:00:00+08:00');
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { completed: '2025-06-01' } });
    await retentionTimer(w.deps)();
    expect(await user(w, owner._id)).toMatchObject({ name: '已匿名业主', phone: '' });
  });

  it('works in pages within its time budget and leaves the rest for the next run', async () => {
    const w = await world('2032-03-01T10:00:00+08:00');
    for (let i = 0; i < 7; i++) await completed(w, `p-${i}`, otherOwner._id, `2020-01-0${i + 1}`);
    let ticks = 0;
    const first = await retentionTimer(w.deps, { pageSize: 2, maxPages: 10, elapsed: () => (ticks++ >= 6 ? BUDGET_MS : 0) })();
    expect(first.more).toBe(true);
    expect(first.projects).toBeGreaterThan(0);
    expect(first.projects).toBeLessThan(7);
    const second = await retentionTimer(w.deps, { pageSize: 2, maxPages: 10 })();
    expect(first.projects + second.projects).toBe(7);
    expect(second.more).toBe(false);
  });
});

describe('audit: every staff read of a homeowner’s personal data, lists included', () => {
  async function phoneTask(w: World) {
    const planned = { key: 'midStage', kind: 'midStage' as const, dueDate: '2026-03-01', windowEnd: '2026-03-04' };
    const f = { _id: followUpId(cuihu._id, planned.key), ...newFollowUp(cuihu, planned, at('2026-02-20T10:00:00+08:00')) };
    const { _id, ...task } = phoneTaskFollowUp(f, 'noCredit', w.clock.now(), w.clock.now());
    await w.db.collection('followups').doc(_id).set(task);
    return _id;
  }
  const entries = async (w: World) => (await snapshot(w.db, 'auditLog')) as { viewerId: string; subjectId: string; record: string; fields: string[] }[];

  it('audits customer service’s call list, one entry per homeowner listed', async () => {
    const w = await world();
    const id = await phoneTask(w);
    await w.call(followup, cs._id, { action: 'calls' });
    expect(await entries(w)).toEqual([expect.objectContaining({ viewerId: cs._id, subjectId: owner._id, record: `followups/${id}`, fields: ['name'] })]);
  });

  it('audits the answer of logging a call', async () => {
    const w = await world();
    const id = await phoneTask(w);
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'unreachable' });
    expect(r.ok).toBe(true);
    expect(await entries(w)).toEqual([expect.objectContaining({ viewerId: cs._id, subjectId: owner._id, record: `followups/${id}` })]);
  });

  it('audits a site manager’s project list with addresses, and only their own projects', async () => {
    const w = await world();
    await w.call(project, sm._id, { action: 'mine' });
    expect(await entries(w)).toEqual([expect.objectContaining({ viewerId: sm._id, subjectId: owner._id, record: 'projects/p-cuihu', fields: ['address'] })]);
  });

  it('admins read the audit log, newest first, per homeowner and page by page; nobody else can', async () => {
    const w = await world();
    await w.call(project, admin._id, { action: 'mine' });
    w.clock.advanceHours(1);
    await w.call(project, sm._id, { action: 'mine' });
    const all = await w.call(privacy, admin._id, { action: 'auditLog' });
    expect(all.data.entries.map((e: { viewerId: string }) => e.viewerId)).toEqual([sm._id, admin._id, admin._id]);
    const li = await w.call(privacy, admin._id, { action: 'auditLog', subjectId: owner._id, limit: 1 });
    expect(li.data).toMatchObject({ more: true, entries: [expect.objectContaining({ viewerId: sm._id })] });
    const next = await w.call(privacy, admin._id, { action: 'auditLog', subjectId: owner._id, before: li.data.entries[0].at, limit: 1 });
    expect(next.data).toMatchObject({ more: false, entries: [expect.objectContaining({ viewerId: admin._id, subjectId: owner._id })] });
    for (const who of [owner, sm, cs, engManager]) {
      expect(await w.call(privacy, who._id, { action: 'auditLog' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(privacy, admin._id, { action: 'auditLog', limit: 1000 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
  });
});
