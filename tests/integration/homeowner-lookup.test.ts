import { followUpId, newFollowUp } from '@shared/followup/followup';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin, engManager, gm, csManager } = PEOPLE;
const [cuihu] = PROJECTS;

/** 李女士 and 王先生 each with a repair and a complaint; 李女士 with a mid-stage follow-up customer service called once. */
async function histories(w: World) {
  const mine = (await w.call(repair, owner._id, { action: 'create', projectId: 'p-cuihu', category: 'painting', description: '客厅墙面开裂一道缝', preferredVisit: { date: '2026-03-02', slot: 'afternoon' } })).data.ticket;
  const theirs = (await w.call(repair, otherOwner._id, { action: 'create', projectId: 'p-binjiang', category: 'plumbing', description: '厨房水槽漏水', preferredVisit: { date: '2026-03-02', slot: 'morning' } })).data.ticket;
  w.clock.set('2026-03-01T11:00:00+08:00');
  const myComplaint = (await w.call(complaint, owner._id, { action: 'file', projectId: 'p-cuihu', category: 'schedule', description: '工期拖延了一周还没有人解释', remedy: '给出新的完工日期' })).data.complaint;
  const theirComplaint = (await w.call(complaint, otherOwner._id, { action: 'file', projectId: 'p-binjiang', category: 'schedule', description: '邻居家的工期也拖了', remedy: '说明原因' })).data.complaint;
  const f = newFollowUp(cuihu, { key: 'midStage', kind: 'midStage', dueDate: '2026-02-27', windowEnd: '2026-03-02' }, at('2026-02-20T10:00:00+08:00'));
  await w.db.collection('followups').doc(followUpId(cuihu._id, 'midStage')).set({
    ...f, state: 'phoneTask', attempts: [{ at: at('2026-02-28T15:00:00+08:00'), by: cs._id, byName: cs.name, outcome: 'unreachable', note: '无人接听', callAt: null }],
  });
  w.clock.set('2026-03-01T12:00:00+08:00');
  return { mine, theirs, myComplaint, theirComplaint };
}

describe('followup.lookup: customer service finds the homeowner on the line', () => {
  it('finds 李女士 by her name, her full mobile number, her project’s name and the references of her repair and complaint, with the phone masked', async () => {
    const w = await world();
    const { mine, myComplaint } = await histories(w);
    const hit = { id: owner._id, name: '李女士', phone: '138****8001', projects: ['翠湖花园 3-1201'] };
    for (const query of ['李女士', '13800138001', '翠湖花园', mine.ref, myComplaint.ref, mine.ref.toLowerCase().replaceAll('-', ' ')]) {
      expect(await w.call(followup, cs._id, { action: 'lookup', query })).toEqual({ ok: true, data: { homeowners: [hit] } });
    }
  });

  it('finds no staff member and nobody for an unknown reference, and asks for a query of at least two characters', async () => {
    const w = await world();
    await histories(w);
    expect((await w.call(followup, cs._id, { action: 'lookup', query: '张建国' })).data.homeowners).toEqual([]);
    expect((await w.call(followup, cs._id, { action: 'lookup', query: 'BX-20260301-0099' })).data.homeowners).toEqual([]);
    expect(await w.call(followup, cs._id, { action: 'lookup', query: '李' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { query: '请至少输入 2 个字' } });
  });

  it('writes each homeowner listed to the audit log as a read of their name', async () => {
    const w = await world();
    await w.call(followup, cs._id, { action: 'lookup', query: '13800138001' });
    const log = (await w.db.collection('auditLog').where({ viewerId: cs._id }).limit(10).get()).data;
    expect(log).toEqual([expect.objectContaining({ subjectId: owner._id, record: `users/${owner._id}`, fields: ['name'] })]);
  });
});

describe('followup.homeowner: one homeowner’s history in one timeline', () => {
  it('shows 李女士’s projects, milestone, repair, complaint, follow-up and call, newest first', async () => {
    const w = await world();
    const { mine, myComplaint } = await histories(w);
    const r = await w.call(followup, cs._id, { action: 'homeowner', homeownerId: owner._id });
    expect(r.data.homeowner).toEqual({
      id: owner._id, name: '李女士', phone: '138****8001',
      projects: [{ id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室', siteManagerName: '张建国' }],
    });
    expect(r.data.history.map((e: { kind: string; title: string; ref: string | null; at: number }) => [e.kind, e.title, e.ref, e.at])).toEqual([
      ['complaint', '工期进度：工期拖延了一周还没有人解释', myComplaint.ref, at('2026-03-01T11:00:00+08:00')],
      ['repair', '墙面油漆（开裂、起皮）：客厅墙面开裂一道缝', mine.ref, at('2026-03-01T10:00:00+08:00')],
      ['call', '中期回访：徐客服 致电', null, at('2026-02-28T15:00:00+08:00')],
      ['followUp', '中期回访', null, at('2026-02-27T00:00:00+08:00')],
      ['milestone', '开工', null, at('2026-02-20T00:00:00+08:00')],
    ]);
    expect(r.data.history[2].detail).toBe('未接通（无人接听）');
    expect(r.data.history[0].open).toEqual({ kind: 'complaint', id: myComplaint.id });
  });

  it('never mixes in another homeowner’s records, from either side', async () => {
    const w = await world();
    const { theirs, theirComplaint, mine, myComplaint } = await histories(w);
    const li = JSON.stringify((await w.call(followup, cs._id, { action: 'homeowner', homeownerId: owner._id })).data);
    const wang = JSON.stringify((await w.call(followup, admin._id, { action: 'homeowner', homeownerId: otherOwner._id })).data);
    for (const other of [theirs.id, theirs.ref, theirComplaint.id, '滨江', '邻居家', '13800138002']) expect(li).not.toContain(other);
    for (const other of [mine.id, mine.ref, myComplaint.id, '翠湖', '中期回访', '13800138001']) expect(wang).not.toContain(other);
  });

  it('is audited as a read of the homeowner’s name and address', async () => {
    const w = await world();
    await w.call(followup, cs._id, { action: 'homeowner', homeownerId: owner._id });
    const log = (await w.db.collection('auditLog').where({ viewerId: cs._id }).limit(10).get()).data;
    expect(log).toEqual([expect.objectContaining({ subjectId: owner._id, record: `users/${owner._id}`, fields: ['name', 'address'] })]);
  });

  it('does not show a staff member or someone unknown as a homeowner', async () => {
    const w = await world();
    for (const homeownerId of [sm._id, 'nobody']) {
      expect(await w.call(followup, cs._id, { action: 'homeowner', homeownerId })).toMatchObject({ ok: false, code: 'FOLLOWUP.HOMEOWNER_NOT_FOUND' });
    }
  });

  it('is for customer service and admins only: every other role is refused and nothing is read or written', async () => {
    const w = await world();
    await histories(w);
    const before = await snapshot(w.db, 'auditLog');
    for (const who of [owner, otherOwner, sm, engManager, csManager, gm]) {
      expect(await w.call(followup, who._id, { action: 'homeowner', homeownerId: owner._id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(followup, who._id, { action: 'lookup', query: '李女士' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await snapshot(w.db, 'auditLog')).toEqual(before);
    expect(await w.call(followup, admin._id, { action: 'homeowner', homeownerId: owner._id })).toMatchObject({ ok: true });
    expect(await w.call(followup, cs._id, { action: 'lookup', query: '李女士' })).toMatchObject({ ok: true });
  });
});

describe('the history holds what happened, not what is planned', () => {
  it('leaves out a milestone date still ahead (the contract’s completion date) and follow-ups not yet due', async () => {
    const w = await world();
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', plannedCompletion: '2026-06-30' } });
    const f = newFollowUp(cuihu, { key: 'preCompletion', kind: 'preCompletion', dueDate: '2026-06-20', windowEnd: '2026-06-23' }, at('2026-02-20T10:00:00+08:00'));
    await w.db.collection('followups').doc(followUpId(cuihu._id, 'preCompletion')).set(f);
    const r = await w.call(followup, cs._id, { action: 'homeowner', homeownerId: owner._id });
    expect(r.data.history.map((e: { kind: string; title: string }) => `${e.kind} ${e.title}`)).toEqual(['milestone 开工']);
  });
});
