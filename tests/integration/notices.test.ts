import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { escalateTimer } from '../../cloudfunctions/escalate/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { noticesFunction as notices } from '../../cloudfunctions/notices/handler';
import { pushTimer } from '../../cloudfunctions/push/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import type { Messenger } from '../../cloudfunctions/_platform/ports';
import { stores } from '../../cloudfunctions/_platform/stores';
import { notify } from '../../cloudfunctions/_usecases/notify';
import { checkTemplateData } from '@shared/followup/templates';
import { PEOPLE, snapshot, world, type World } from './harness';

const { owner, otherOwner, sm, otherSm, engManager, csManager, cs } = PEOPLE;
const at = (iso: string) => new Date(iso).getTime();

const FIELDS = { thing1: 'title', thing2: 'body', character_string3: 'ref', time4: 'time' };
const TEMPLATES = {
  repairProgress: { id: 'tpl-repair', fields: FIELDS },
  complaintProgress: { id: 'tpl-complaint', fields: FIELDS },
  staffWork: { id: 'tpl-staff', fields: FIELDS },
};

async function configure(w: World): Promise<void> {
  await w.db.collection('settings').doc('notify').set({ templates: TEMPLATES });
}

/** The person accepts a template `n` times, as the mini-program reports it through `followup.subscribed`. */
async function accept(w: World, who: string, templateId: string, n = 1): Promise<void> {
  for (let i = 0; i < n; i++) expect(await w.call(followup, who, { action: 'subscribed', results: { [templateId]: 'accept' } })).toMatchObject({ ok: true });
}

const noticesTo = async (w: World, to: string) =>
  ((await snapshot(w.db, 'notices')) as any[]).filter((n) => n.to === to).sort((a, b) => a.createdAt - b.createdAt);
const kindsTo = async (w: World, to: string) => (await noticesTo(w, to)).map((n) => n.kind);
const outbox = async (w: World) => (await snapshot(w.db, 'outbox')) as any[];
const creditsOf = async (w: World, who: string, templateId: string) => {
  const ledger = (await w.db.collection('contacts').doc(who).get()).data[0] as any;
  return { left: ledger?.credits[templateId]?.left ?? 0, spent: ledger?.credits[templateId]?.spent ?? 0 };
};

async function fileRepair(w: World, preferred = { date: '2026-03-01', slot: 'afternoon' }): Promise<string> {
  const r = await w.call(repair, owner._id, { action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', preferredVisit: preferred });
  expect(r).toMatchObject({ ok: true });
  return r.data.ticket.id;
}

async function fileComplaint(w: World, category = 'constructionQuality'): Promise<string> {
  const r = await w.call(complaint, owner._id, { action: 'file', projectId: 'p-cuihu', category, description: '卫生间墙砖大面积空鼓，一直没人来看', remedy: '请尽快上门返工' });
  expect(r).toMatchObject({ ok: true });
  return r.data.complaint.id;
}

describe('push delivery of notices', () => {
  it('pushes a notice at once in the day, spending one credit of its template, with data WeChat takes', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff', 2);
    await fileRepair(w);
    const [message] = await outbox(w);
    expect(message).toMatchObject({ touser: sm._id, templateId: 'tpl-staff', page: expect.stringMatching(/^staff\/ticket\/index\?id=/) });
    expect(checkTemplateData(message.data)).toEqual({});
    expect(message.data.time4.value).toBe('2026年3月1日 10:00');
    expect(await creditsOf(w, sm._id, 'tpl-staff')).toEqual({ left: 1, spent: 1 });
    const [n] = await noticesTo(w, sm._id);
    expect(n.push).toMatchObject({ state: 'sent', templateId: 'tpl-staff' });
    expect(n.pushAt).toBeNull();
  });

  it('holds a notice made at 21:30 China time and pushes it at 08:00 the next morning', async () => {
    const w = await world('2026-03-01T21:30:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff');
    await fileRepair(w, { date: '2026-03-02', slot: 'morning' });
    expect(await outbox(w)).toEqual([]);
    const [n] = await noticesTo(w, sm._id);
    expect(n.pushAt).toBe(at('2026-03-02T08:00:00+08:00'));
    const run = pushTimer(w.deps);
    w.clock.set('2026-03-02T07:55:00+08:00');
    expect(await run()).toEqual({ sent: 0, inAppOnly: 0, more: false });
    w.clock.set('2026-03-02T08:00:00+08:00');
    expect(await run()).toEqual({ sent: 1, inAppOnly: 0, more: false });
    expect(await outbox(w)).toHaveLength(1);
    expect((await outbox(w))[0].sentAt).toBe(at('2026-03-02T08:00:00+08:00'));
  });

  it('never pushes a notice twice, however often the timer runs', async () => {
    const w = await world('2026-03-01T22:00:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff', 3);
    await fileRepair(w, { date: '2026-03-02', slot: 'morning' });
    w.clock.set('2026-03-02T08:05:00+08:00');
    const runs = await Promise.all([pushTimer(w.deps)(), pushTimer(w.deps)()]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    expect(await pushTimer(w.deps)()).toEqual({ sent: 0, inAppOnly: 0, more: false });
    expect(await outbox(w)).toHaveLength(1);
    expect(await creditsOf(w, sm._id, 'tpl-staff')).toEqual({ left: 2, spent: 1 });
  });

  it('leaves a notice only in the 消息 list when no credit is left, and spends nothing', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff', 1);
    await fileRepair(w);
    w.clock.set('2026-03-01T10:05:00+08:00');
    await fileRepair(w, { date: '2026-03-02', slot: 'morning' });
    expect(await outbox(w)).toHaveLength(1);
    const [first, second] = await noticesTo(w, sm._id);
    expect(first.push.state).toBe('sent');
    expect(second.push).toMatchObject({ state: 'inAppOnly', miss: 'noCredit' });
    expect(await creditsOf(w, sm._id, 'tpl-staff')).toEqual({ left: 0, spent: 1 });
    const list = await w.call(notices, sm._id, { action: 'list' });
    expect(list.data.notices.map((n: any) => n.pushed)).toEqual([false, true]);
  });

  it('leaves a notice in the list when no template is set for its kind', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await fileRepair(w);
    const [n] = await noticesTo(w, sm._id);
    expect(n.push).toMatchObject({ state: 'inAppOnly', miss: 'noTemplate' });
    expect(await outbox(w)).toEqual([]);
  });

  it('forgets the credits of a template WeChat says was not accepted (43101)', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff', 2);
    const refusing: Messenger = { send: async () => ({ sent: false, errcode: 43101, errmsg: 'user refuse to accept the msg' }) };
    await notify(stores(w.db), { key: 'repair.assigned:x', to: sm._id, kind: 'repair.assigned', title: '新报修', body: '测试', page: '/staff/ticket/index?id=x' }, w.clock.now(), { ...w.deps, messenger: refusing });
    expect((await noticesTo(w, sm._id))[0].push).toMatchObject({ state: 'inAppOnly', miss: 'refused', errcode: 43101 });
    expect(await creditsOf(w, sm._id, 'tpl-staff')).toEqual({ left: 0, spent: 1 });
  });

  it('never sends again a push whose answer from WeChat never came', async () => {
    const w = await world('2026-03-01T10:00:00+08:00');
    await configure(w);
    await accept(w, sm._id, 'tpl-staff', 2);
    const silent: Messenger = { send: async () => { throw new Error('timeout'); } };
    await notify(stores(w.db), { key: 'repair.assigned:y', to: sm._id, kind: 'repair.assigned', title: '新报修', body: '测试', page: '/staff/ticket/index?id=y' }, w.clock.now(), { ...w.deps, messenger: silent });
    expect((await noticesTo(w, sm._id))[0].push.state).toBe('sending');
    w.clock.set('2026-03-01T10:30:00+08:00');
    expect(await pushTimer(w.deps)()).toEqual({ sent: 0, inAppOnly: 1, more: false });
    expect((await noticesTo(w, sm._id))[0].push).toMatchObject({ state: 'inAppOnly', miss: 'sendUnknown' });
    expect(await outbox(w)).toEqual([]);
    expect(await creditsOf(w, sm._id, 'tpl-staff')).toEqual({ left: 1, spent: 1 });
  });

  it('lets staff accept their work template through the same path as homeowners, and not a homeowner’s', async () => {
    const w = await world();
    await configure(w);
    const staff = await w.call(followup, sm._id, { action: 'subscribed', results: { 'tpl-staff': 'accept', 'tpl-repair': 'accept' } });
    expect(staff.data.subscriptions).toEqual([{ purpose: 'staffWork', label: '待办工作提醒', templateId: 'tpl-staff', credits: 1 }]);
    expect(await creditsOf(w, sm._id, 'tpl-repair')).toEqual({ left: 0, spent: 0 });
    const home = await w.call(followup, owner._id, { action: 'subscribed', results: { 'tpl-repair': 'accept', 'tpl-staff': 'accept' } });
    expect(home.data.subscriptions.map((s: any) => [s.templateId, s.credits])).toEqual([['tpl-repair', 1], ['tpl-complaint', 0]]);
    expect(await creditsOf(w, owner._id, 'tpl-staff')).toEqual({ left: 0, spent: 0 });
  });

  it('offers a homeowner on the 消息 page the templates of their notices before the follow-up reminders', async () => {
    const w = await world();
    await configure(w);
    await w.db.collection('settings').doc('followup').set({ templates: { stageVisit: { id: 'tpl-stage', fields: { thing1: 'title' } } } });
    const home = await w.call(followup, owner._id, { action: 'home' });
    expect(home.data.subscriptions.map((s: any) => s.templateId)).toEqual(['tpl-stage', 'tpl-repair', 'tpl-complaint']);
    const list = await w.call(notices, owner._id, { action: 'list' });
    expect(list.data.subscriptions.map((s: any) => s.templateId)).toEqual(['tpl-repair', 'tpl-complaint', 'tpl-stage']);
  });
});

describe('who is told of a repair', () => {
  it('tells the site manager of a new ticket, once even when the submission is retried', async () => {
    const w = await world();
    const r1 = await w.call(repair, owner._id, { action: 'create', requestId: 'form-abcdef', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', preferredVisit: { date: '2026-03-01', slot: 'afternoon' } });
    await w.call(repair, owner._id, { action: 'create', requestId: 'form-abcdef', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', preferredVisit: { date: '2026-03-01', slot: 'afternoon' } });
    const told = await noticesTo(w, sm._id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'repair.assigned', title: '新报修：水路（漏水、堵塞、水压）', page: `/staff/ticket/index?id=${r1.data.ticket.id}` });
    expect(told[0].body).toContain('翠湖花园 3-1201');
    expect(await noticesTo(w, otherSm._id)).toEqual([]);
  });

  it('tells the homeowner when the ticket is accepted, scheduled and resolved, and the site manager the rating comment', async () => {
    const w = await world();
    const id = await fileRepair(w);
    const photo = w.files.add('local://uploads/bbbbbbbbbbbbbbbbbbbbbbbb.jpg');
    expect(await w.call(repair, sm._id, { action: 'accept', ticketId: id })).toMatchObject({ ok: true });
    w.clock.set('2026-03-01T10:10:00+08:00');
    expect(await w.call(repair, sm._id, { action: 'schedule', ticketId: id, visitAt: at('2026-03-01T15:00:00+08:00') })).toMatchObject({ ok: true });
    w.clock.set('2026-03-01T15:00:00+08:00');
    expect(await w.call(repair, sm._id, { action: 'arrive', ticketId: id })).toMatchObject({ ok: true });
    w.clock.set('2026-03-01T16:00:00+08:00');
    expect(await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '更换了下水管的密封圈', photos: [photo] })).toMatchObject({ ok: true });
    const toOwner = await noticesTo(w, owner._id);
    expect(toOwner.map((n) => n.kind)).toEqual(['repair.accepted', 'repair.scheduled', 'repair.resolved']);
    expect(toOwner[1].body).toContain('3月1日 15:00');
    expect(toOwner[2].body).toContain('更换了下水管的密封圈');
    expect(await w.call(repair, owner._id, { action: 'confirm', ticketId: id })).toMatchObject({ ok: true });
    expect(await w.call(repair, owner._id, { action: 'rate', ticketId: id, score: 3, contactedWithin24h: true, timeAgreed: true, planAgreed: true, satisfied: false, comment: '师傅来晚了一个小时' })).toMatchObject({ ok: true });
    const rated = (await noticesTo(w, sm._id)).find((n) => n.kind === 'repair.rated');
    expect(rated).toMatchObject({ title: '业主评价：3 分（一般）' });
    expect(rated.body).toContain('师傅来晚了一个小时');
  });

  it('tells the site manager when the homeowner reopens a repair, with the reason and the new promises', async () => {
    const w = await world();
    const id = await fileRepair(w);
    const photo = w.files.add('local://uploads/cccccccccccccccccccccccc.jpg');
    await w.call(repair, sm._id, { action: 'accept', ticketId: id });
    await w.call(repair, sm._id, { action: 'arrive', ticketId: id });
    await w.call(repair, sm._id, { action: 'resolve', ticketId: id, note: '更换了下水管的密封圈', photos: [photo] });
    w.clock.set('2026-03-02T09:00:00+08:00');
    expect(await w.call(repair, owner._id, { action: 'reopen', ticketId: id, reason: '水槽下面还是在滴水' })).toMatchObject({ ok: true });
    const reopened = (await noticesTo(w, sm._id)).find((n) => n.kind === 'repair.reopened');
    expect(reopened).toMatchObject({ title: '业主重新报修：水路（漏水、堵塞、水压）' });
    expect(reopened.body).toContain('水槽下面还是在滴水');
    expect(reopened.body).toContain('3月2日 13:00 前上门');
  });

  it('tells the department manager of an overdue ticket, as its history says, once', async () => {
    const w = await world();
    const id = await fileRepair(w);
    w.clock.set('2026-03-01T18:01:00+08:00');
    await escalateTimer(w.deps)();
    await escalateTimer(w.deps)();
    const told = await noticesTo(w, engManager._id);
    expect(told.map((n) => n.kind)).toEqual(['repair.overdue']);
    expect(told[0].page).toBe(`/staff/ticket/index?id=${id}`);
    const history = (await w.call(repair, owner._id, { action: 'get', ticketId: id })).data.ticket.history;
    expect(history.map((e: any) => e.note)).toContain('上门已超时，已通知部门经理');
  });

  it('still tells the department manager when a run stopped after telling and before storing the escalation', async () => {
    const w = await world();
    await fileRepair(w);
    w.clock.set('2026-03-01T18:01:00+08:00');
    // the first run dies as it opens the escalation's transaction, after the notices were written
    const db = w.deps.db;
    const killedAtRepairs = new Proxy(db, {
      get(target, name) {
        if (name !== 'runTransaction') return Reflect.get(target, name, target);
        return (work: (tx: any) => Promise<unknown>) =>
          db.runTransaction((tx) =>
            work(new Proxy(tx, { get: (t, n) => (n === 'collection' ? (c: string) => { if (c === 'repairs') throw new Error('killed'); return t.collection(c); } : Reflect.get(t, n, t)) })),
          );
      },
    });
    await expect(escalateTimer({ ...w.deps, db: killedAtRepairs })()).rejects.toThrow('killed');
    expect(await kindsTo(w, engManager._id)).toEqual(['repair.overdue']);
    expect(await escalateTimer(w.deps)()).toMatchObject({ repairs: 1 });
    expect(await kindsTo(w, engManager._id)).toEqual(['repair.overdue']);
  });
});

describe('催单 (urging an overdue repair)', () => {
  it('reaches the site manager and the department manager, at most once an hour, and only from the ticket’s homeowner', async () => {
    const w = await world();
    const id = await fileRepair(w);
    expect(await w.call(repair, owner._id, { action: 'urge', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_OVERDUE' });
    w.clock.set('2026-03-01T18:30:00+08:00');
    const before = await snapshot(w.db, 'repairs');
    expect(await w.call(repair, otherOwner._id, { action: 'urge', ticketId: id })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, sm._id, { action: 'urge', ticketId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'repairs')).toEqual(before);

    const urged = await w.call(repair, owner._id, { action: 'urge', ticketId: id });
    expect(urged).toMatchObject({ ok: true, data: { told: 2, ticket: { urge: { allowed: false, lastAt: at('2026-03-01T18:30:00+08:00') } } } });
    expect(await kindsTo(w, sm._id)).toContain('repair.urged');
    expect(await kindsTo(w, engManager._id)).toContain('repair.urged');

    w.clock.set('2026-03-01T19:10:00+08:00');
    const stored = await snapshot(w.db, 'repairs');
    const storedNotices = await snapshot(w.db, 'notices');
    const again = await w.call(repair, owner._id, { action: 'urge', ticketId: id });
    expect(again).toMatchObject({ ok: false, code: 'REPAIR.URGED_RECENTLY' });
    expect(again.message).toContain('19:30 后可以再催');
    expect(await snapshot(w.db, 'repairs')).toEqual(stored);
    expect(await snapshot(w.db, 'notices')).toEqual(storedNotices);

    w.clock.set('2026-03-01T19:31:00+08:00');
    expect(await w.call(repair, owner._id, { action: 'urge', ticketId: id })).toMatchObject({ ok: true });
    expect((await noticesTo(w, sm._id)).filter((n) => n.kind === 'repair.urged')).toHaveLength(2);
  });
});

describe('who is told of a complaint', () => {
  it('tells the managers of the department a complaint is routed to', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    const told = await noticesTo(w, engManager._id);
    // the manager is its named handler: told once, as the one who handles it
    expect(told).toMatchObject([{ kind: 'complaint.assigned', title: '一条投诉指派给您处理', page: `/staff/complaint/index?id=${id}` }]);
    expect(await noticesTo(w, csManager._id)).toEqual([]);
  });

  it('tells the manager and the agents of 客服部 of a complaint routed there', async () => {
    const w = await world();
    await fileComplaint(w, 'serviceAttitude');
    // one of them is its named handler (told as such), the other hears it was routed there
    expect([...(await kindsTo(w, csManager._id)), ...(await kindsTo(w, cs._id))].sort()).toEqual(['complaint.assigned', 'complaint.routed']);
    expect(await kindsTo(w, engManager._id)).toEqual([]);
  });

  it('tells the homeowner of a reply, a promised time and a proposal', async () => {
    const w = await world();
    const id = await fileComplaint(w);
    expect(await w.call(complaint, engManager._id, { action: 'note', complaintId: id, text: '已安排工程部明天上门查看空鼓情况' })).toMatchObject({ ok: true });
    w.clock.set('2026-03-01T11:00:00+08:00');
    expect(await w.call(complaint, engManager._id, { action: 'promise', complaintId: id, replyAt: at('2026-03-03T18:00:00+08:00'), text: '需要检测后再定方案' })).toMatchObject({ ok: true });
    w.clock.set('2026-03-01T12:00:00+08:00');
    expect(await w.call(complaint, engManager._id, { action: 'propose', complaintId: id, text: '免费重新铺贴卫生间墙砖' })).toMatchObject({ ok: true });
    const toOwner = await noticesTo(w, owner._id);
    const mine = toOwner.filter((n) => n.kind !== 'complaint.received');
    expect(mine.map((n) => n.kind)).toEqual(['complaint.replied', 'complaint.promised', 'complaint.proposal']);
    expect(mine[1].body).toContain('3月3日 18:00');
    expect(mine[2].body).toContain('免费重新铺贴卫生间墙砖');
  });

  it('tells the managers of the next level on the ladder when an answer is late, once', async () => {
    const w = await world();
    await fileComplaint(w);
    w.clock.set('2026-03-02T10:01:00+08:00');
    await escalateTimer(w.deps)();
    await escalateTimer(w.deps)();
    // the late answer, once; and the complaint handed to him for review
    expect(await kindsTo(w, csManager._id)).toEqual(['complaint.assigned', 'complaint.overdue']);
    expect(await kindsTo(w, cs._id)).toEqual([]);
  });
});

describe('notices.list and notices.markRead', () => {
  it('lists only the caller’s own notices, newest first, a page at a time', async () => {
    const w = await world();
    const store = stores(w.db);
    for (let i = 0; i < 23; i++) {
      await notify(store, { key: `repair.assigned:t${i}`, to: sm._id, kind: 'repair.assigned', title: `新报修 ${i}`, body: '测试', page: '/staff/ticket/index?id=t' }, w.clock.now() + i * 60_000);
    }
    await notify(store, { key: 'repair.assigned:other', to: otherSm._id, kind: 'repair.assigned', title: '别人的', body: '测试', page: '/staff/ticket/index?id=o' }, w.clock.now());
    const first = await w.call(notices, sm._id, { action: 'list' });
    expect(first.data).toMatchObject({ unread: 23, next: 20 });
    expect(first.data.notices).toHaveLength(20);
    expect(first.data.notices[0].title).toBe('新报修 22');
    const second = await w.call(notices, sm._id, { action: 'list', offset: 20 });
    expect(second.data.notices.map((n: any) => n.title)).toEqual(['新报修 2', '新报修 1', '新报修 0']);
    expect(second.data.next).toBeNull();
  });

  it('marks only the caller’s own notices read', async () => {
    const w = await world();
    const store = stores(w.db);
    await notify(store, { key: 'a', to: sm._id, kind: 'repair.assigned', title: '一', body: '测试', page: '/staff/ticket/index?id=a' }, w.clock.now());
    await notify(store, { key: 'b', to: otherSm._id, kind: 'repair.assigned', title: '二', body: '测试', page: '/staff/ticket/index?id=b' }, w.clock.now());
    expect(await w.call(notices, sm._id, { action: 'markRead', ids: ['a', 'b'] })).toMatchObject({ ok: true, data: { marked: 1, unread: 0 } });
    expect(await w.call(notices, otherSm._id, { action: 'unread' })).toMatchObject({ ok: true, data: { unread: 1 } });
    expect(await w.call(notices, otherSm._id, { action: 'markRead' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { ids: '请选择要标为已读的消息' } });
    expect(await w.call(notices, otherSm._id, { action: 'markRead', all: true })).toMatchObject({ ok: true, data: { marked: 1, unread: 0 } });
    expect(await w.call(notices, null, { action: 'list' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
  });
});
