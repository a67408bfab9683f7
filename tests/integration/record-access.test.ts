import { followUpId, newFollowUp } from '@shared/followup/followup';
import { adminFunction as admin } from '../../cloudfunctions/admin/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, engManager, csManager, gm } = PEOPLE;
const boss = PEOPLE.admin;
const [cuihu] = PROJECTS;
const task = followUpId(cuihu._id, 'midStage');
const REASON = '核查李女士对工期的投诉，需要听取回访记录';

/** 李女士's mid-stage follow-up, a phone task customer service called once. */
async function phoneTask(w: World) {
  const f = newFollowUp(cuihu, { key: 'midStage', kind: 'midStage', dueDate: '2026-02-27', windowEnd: '2026-03-02' }, at('2026-02-20T10:00:00+08:00'));
  await w.db.collection('followups').doc(task).set({
    ...f, state: 'phoneTask', callAt: at('2026-03-01T09:00:00+08:00'),
    attempts: [{ at: at('2026-02-28T15:00:00+08:00'), by: cs._id, byName: cs.name, outcome: 'unreachable', note: '无人接听', callAt: null }],
  });
}

const grant = (w: World, by: string, input: Record<string, unknown> = {}) =>
  w.call(admin, by, { action: 'grantRecordAccess', staffId: engManager._id, reason: REASON, days: 7, ...input });
const approvals = async (w: World) => snapshot(w.db, 'recordApprovals');
const reads = async (w: World, viewerId: string) => (await w.db.collection('auditLog').where({ viewerId }).limit(100).get()).data as any[];

describe('approvals to read phone follow-up records (001 §十: 未经行政人力批准，不得查阅电话回访)', () => {
  it('a department manager without an approval is refused every phone record, told an admin must approve, and nothing is read', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await phoneTask(w);
    for (const event of [{ action: 'call', followUpId: task }, { action: 'homeowner', homeownerId: owner._id }, { action: 'calls' }, { action: 'lookup', query: '李女士' }]) {
      const r = await w.call(followup, engManager._id, event);
      expect(r).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(r.message).toContain('需经行政人力批准');
      expect(r.message).toContain('管理员');
    }
    expect(await reads(w, engManager._id)).toEqual([]);
  });

  it('only an admin grants an approval, with a reason and an expiry; every other role is refused and writes nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    for (const who of [owner, otherOwner, sm, cs, engManager, csManager, gm]) {
      expect(await grant(w, who._id)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(admin, who._id, { action: 'recordAccess' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await approvals(w)).toEqual([]);
    expect(await snapshot(w.db, 'adminHistory')).toEqual([]);
    const r = await grant(w, boss._id);
    expect(r).toMatchObject({
      ok: true,
      data: {
        created: true,
        approval: {
          scope: 'phoneFollowUps', staffId: engManager._id, staffName: '刘经理', reason: REASON, grantedBy: boss._id, grantedByName: '周行政',
          grantedAt: at('2026-03-01T10:00:00+08:00'), expiresAt: at('2026-03-08T10:00:00+08:00'), state: 'live', revokedAt: null,
        },
      },
    });
    expect(await approvals(w)).toEqual([
      expect.objectContaining({ _id: r.data.approval.id, kind: 'grant', staffId: engManager._id, reason: REASON, expiresAt: at('2026-03-08T10:00:00+08:00'), by: boss._id }),
    ]);
  });

  it('a second identical grant changes nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    const first = await grant(w, boss._id);
    const stored = await approvals(w);
    w.clock.set('2026-03-01T10:05:00+08:00');
    const second = await grant(w, boss._id);
    expect(second).toMatchObject({ ok: true, data: { created: false, approval: { id: first.data.approval.id, expiresAt: first.data.approval.expiresAt } } });
    expect(await approvals(w)).toEqual(stored);
    // the manager is told once, with the end of the approval in China time, and where to look
    expect(await snapshot(w.db, 'notices')).toEqual([
      expect.objectContaining({ to: engManager._id, kind: 'records.granted', title: '已批准您查阅电话回访记录', page: '/staff/homeowner/index', body: expect.stringContaining('至 2026-03-08 10:00 止') }),
    ]);
    expect((await w.call(admin, boss._id, { action: 'history', kind: 'recordAccess' })).data.entries).toMatchObject([
      { ref: `recordApprovals/${first.data.approval.id}`, by: boss._id, before: null, after: { kind: 'grant', reason: REASON } },
    ]);
  });

  it('refuses an expiry past 30 days, a missing reason and a person who is not staff, writing nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    expect(await grant(w, boss._id, { days: 31 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { days: '有效天数最多 30 天' } });
    expect(await grant(w, boss._id, { days: 0 })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { days: '有效天数至少 1 天' } });
    expect(await grant(w, boss._id, { reason: ' ' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { reason: '批准理由至少 4 个字' } });
    expect(await grant(w, boss._id, { staffId: owner._id })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { staffId: '找不到这位员工' } });
    expect(await approvals(w)).toEqual([]);
  });

  it('under a live approval the manager reads the call and the calls in the timeline, each read audited with the approval, but cannot log a call', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await phoneTask(w);
    const { id } = (await grant(w, boss._id)).data.approval;
    const read = await w.call(followup, engManager._id, { action: 'call', followUpId: task });
    expect(read).toMatchObject({ ok: true, data: { task: { homeownerPhone: '13800138001', history: [expect.objectContaining({ outcome: 'unreachable', note: '无人接听' })] } } });
    const timeline = await w.call(followup, engManager._id, { action: 'homeowner', homeownerId: owner._id });
    expect(timeline.ok).toBe(true);
    expect(JSON.stringify(timeline.data.history)).toContain('无人接听');
    expect(await reads(w, engManager._id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ subjectId: owner._id, record: `followups/${task}`, fields: ['name', 'phone', 'address'], approvalId: id }),
      expect.objectContaining({ subjectId: owner._id, record: `users/${owner._id}`, approvalId: id }),
    ]));
    const before = await snapshot(w.db, 'followups');
    expect(await w.call(followup, engManager._id, { action: 'logCall', followUpId: task, outcome: 'unreachable', note: '试打' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'followups')).toEqual(before);
    // customer service keeps its access, and its reads name no approval
    expect(await w.call(followup, cs._id, { action: 'call', followUpId: task })).toMatchObject({ ok: true });
    expect((await reads(w, cs._id))[0].approvalId).toBeUndefined();
  });

  it('an approval named to one manager lets no other staff member read', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await phoneTask(w);
    await grant(w, boss._id);
    for (const who of [csManager, gm, sm]) expect(await w.call(followup, who._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('an expired approval refuses', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await phoneTask(w);
    const { id } = (await grant(w, boss._id, { days: 1 })).data.approval;
    w.clock.set('2026-03-02T09:59:00+08:00');
    expect(await w.call(followup, engManager._id, { action: 'call', followUpId: task })).toMatchObject({ ok: true });
    w.clock.set('2026-03-02T10:00:00+08:00');
    expect(await w.call(followup, engManager._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect((await w.call(admin, boss._id, { action: 'recordAccess' })).data.approvals).toMatchObject([{ id, state: 'expired' }]);
    expect(await w.call(admin, boss._id, { action: 'revokeRecordAccess', grantId: id, reason: '投诉已处理完毕' })).toMatchObject({ ok: false, code: 'ADMIN.APPROVAL_EXPIRED' });
  });

  it('only an admin revokes; a revoked approval refuses at once, a second revocation changes nothing, and both entries stay', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await phoneTask(w);
    const { id } = (await grant(w, boss._id)).data.approval;
    const revoke = (by: string) => w.call(admin, by, { action: 'revokeRecordAccess', grantId: id, reason: '投诉已处理完毕' });
    for (const who of [owner, sm, cs, engManager, gm]) expect(await revoke(who._id)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(followup, engManager._id, { action: 'call', followUpId: task })).toMatchObject({ ok: true });
    w.clock.set('2026-03-02T09:00:00+08:00');
    expect(await revoke(boss._id)).toMatchObject({ ok: true, data: { revoked: true, approval: { state: 'revoked', revokedAt: at('2026-03-02T09:00:00+08:00'), revokedByName: '周行政', revokeReason: '投诉已处理完毕' } } });
    const stored = await approvals(w);
    expect(stored).toHaveLength(2);
    expect((await snapshot(w.db, 'notices')).filter((n: any) => n.kind === 'records.revoked')).toEqual([
      expect.objectContaining({ to: engManager._id, body: expect.stringContaining('投诉已处理完毕') }),
    ]);
    expect(await revoke(boss._id)).toMatchObject({ ok: true, data: { revoked: false, approval: { state: 'revoked' } } });
    expect(await approvals(w)).toEqual(stored);
    expect(await w.call(followup, engManager._id, { action: 'call', followUpId: task })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(admin, boss._id, { action: 'revokeRecordAccess', grantId: 'grant:nobody:1', reason: '投诉已处理完毕' })).toMatchObject({ ok: false, code: 'ADMIN.APPROVAL_NOT_FOUND' });
    // a new grant after the revocation is a new approval
    expect(await grant(w, boss._id)).toMatchObject({ ok: true, data: { created: true, approval: { state: 'live' } } });
    expect((await w.call(admin, boss._id, { action: 'recordAccess', staffId: engManager._id })).data.approvals.map((a: any) => a.state)).toEqual(['live', 'revoked']);
  });
});
