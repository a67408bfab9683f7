import { enquiryFunction as enquiry } from '../../cloudfunctions/enquiry/handler';
import { BUDGET_MS, escalateTimer } from '../../cloudfunctions/escalate/handler';
import { retentionTimer } from '../../cloudfunctions/retention/handler';
import { adminFunction as admin } from '../../cloudfunctions/admin/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { noticesFunction as notices } from '../../cloudfunctions/notices/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, engManager, cs, csManager } = PEOPLE;
const boss = PEOPLE.admin;

const submit = (w: World, extra: Record<string, unknown> = {}) =>
  w.call(enquiry, owner._id, { action: 'submit', kind: 'enquiry', text: '竣工后多久可以申请质保卡？', projectId: 'p-cuihu', ...extra });

async function submitted(w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await submit(w, extra);
  expect(r.ok).toBe(true);
  return r.data.enquiry.id;
}

const stored = async (w: World, id: string) => (await w.db.collection('enquiries').doc(id).get()).data[0] as any;
const noticesOf = async (w: World, userId: string) => (await w.call(notices, userId, { action: 'list' })).data.notices as { kind: string; title: string; body: string; page: string; ref: string | null }[];

describe('registering a request at the service desk', () => {
  it('registers a homeowner’s enquiry with a ZX reference and a reply due 24 hours later', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    const r = await submit(w);
    expect(r.data.enquiry).toMatchObject({
      ref: 'ZX-20261129-0001', kind: 'enquiry', kindLabel: '咨询', channel: 'app', status: 'open', statusLabel: '待回复',
      projectName: '翠湖花园 3-1201', receivedAt: at('2026-11-29T10:05:00+08:00'), replyBy: at('2026-11-30T10:05:00+08:00'), reply: null, overdue: false,
    });
    const second = await submit(w, { kind: 'suggestion', text: '建议工地每天收工后拍照发到群里', projectId: undefined });
    expect(second.data.enquiry).toMatchObject({ ref: 'ZX-20261129-0002', kind: 'suggestion', projectName: '', projectId: null });
  });

  it('answers within the hours an admin set for the desk, and the escalation follows them', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    expect(await w.call(admin, boss._id, { action: 'setConfig', area: 'followup', changes: { enquiryReplyWithinHours: 200 } })).toMatchObject({
      ok: false, code: 'REQUEST.INVALID', fields: { 'changes.enquiryReplyWithinHours': '咨询建议回复时限（小时）不能大于 168' },
    });
    expect(await w.call(admin, boss._id, { action: 'setConfig', area: 'followup', changes: { enquiryReplyWithinHours: 12 } })).toMatchObject({ ok: true });
    const r = await submit(w);
    expect(r.data.enquiry.replyBy).toBe(at('2026-11-29T22:05:00+08:00'));
    w.clock.set('2026-11-29T22:10:00+08:00');
    expect(await escalateTimer(w.deps)()).toMatchObject({ enquiries: 1 });
    expect((await noticesOf(w, csManager._id))[0]).toMatchObject({ kind: 'enquiry.overdue', title: '咨询超过 12 小时未回复' });
  });

  it('numbers requests from 1 again on the next China day, whatever the server’s zone', async () => {
    const w = await world('2026-11-29T23:59:00+08:00');
    expect((await submit(w)).data.enquiry.ref).toBe('ZX-20261129-0001');
    w.clock.set('2026-11-30T00:01:00+08:00');
    expect((await submit(w)).data.enquiry.ref).toBe('ZX-20261130-0001');
  });

  it('stores one request for a retried submission with the same request id', async () => {
    const w = await world();
    const a = await submit(w, { requestId: 'enquiry-form-1' });
    const b = await submit(w, { requestId: 'enquiry-form-1' });
    expect(b.data.enquiry).toMatchObject({ id: a.data.enquiry.id, ref: a.data.enquiry.ref });
    expect(await snapshot(w.db, 'enquiries')).toHaveLength(1);
    expect((await noticesOf(w, cs._id)).filter((n) => n.kind === 'enquiry.received')).toHaveLength(1);
  });

  it('refuses bad input, another homeowner’s project and staff submitting as a homeowner, writing nothing', async () => {
    const w = await world();
    expect(await submit(w, { kind: 'praise', text: '好' })).toMatchObject({
      ok: false, code: 'REQUEST.INVALID', fields: { kind: '请选择咨询、建议或服务需求', text: '内容请至少写 5 个字' },
    });
    expect(await submit(w, { projectId: 'p-binjiang' })).toMatchObject({ ok: false, code: 'ENQUIRY.PROJECT_NOT_FOUND', fields: { projectId: '房屋不存在' } });
    expect(await w.call(enquiry, cs._id, { action: 'submit', kind: 'enquiry', text: '竣工后多久可以申请质保卡？' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await snapshot(w.db, 'enquiries')).toEqual([]);
    expect(await snapshot(w.db, 'counters')).toEqual([]);
    expect(await snapshot(w.db, 'notices')).toEqual([]);
  });

  it('tells customer service of every new request, once, leading to the desk page', async () => {
    const w = await world();
    const id = await submitted(w, { kind: 'need', text: '想加装一个厨房小厨宝，能安排师傅吗？' });
    const [n] = await noticesOf(w, cs._id);
    expect(n).toMatchObject({ kind: 'enquiry.received', title: '新服务需求待回复', ref: 'ZX-20260301-0001', page: `/staff/enquiries/index?id=${id}` });
    expect(n.body).toContain('李女士');
    expect(n.body).toContain('3月2日 10:00');
    expect(await noticesOf(w, sm._id)).toEqual([]);
  });
});

describe('a request taken by phone', () => {
  it('logs an enquiry for the homeowner of the project, naming the agent who took it', async () => {
    const w = await world();
    const r = await w.call(enquiry, cs._id, { action: 'log', kind: 'enquiry', projectId: 'p-cuihu', text: '问水电验收时需要业主到场吗' });
    expect(r.data.enquiry).toMatchObject({ channel: 'phone', channelLabel: '电话', status: 'open', loggedByName: '徐客服', homeowner: { name: '李女士' } });
    const mine = await w.call(enquiry, owner._id, { action: 'mine' });
    expect(mine.data.enquiries.map((e: { id: string }) => e.id)).toEqual([r.data.enquiry.id]);
    // the agent who took it is not told of their own call
    expect(await noticesOf(w, cs._id)).toEqual([]);
  });

  it('answers a phone enquiry on the spot in the same call, so nothing waits', async () => {
    const w = await world();
    const r = await w.call(enquiry, cs._id, { action: 'log', kind: 'enquiry', projectId: 'p-cuihu', text: '问水电验收时需要业主到场吗', reply: '需要，验收当天上午 9 点项目经理会在现场等您' });
    expect(r.data.enquiry).toMatchObject({ status: 'answered', reply: { text: '需要，验收当天上午 9 点项目经理会在现场等您', byName: '徐客服', at: at('2026-03-01T10:00:00+08:00') } });
    expect(await stored(w, r.data.enquiry.id)).toMatchObject({ status: 'answered', escalateAt: null });
    expect((await w.call(enquiry, cs._id, { action: 'queue' })).data.enquiries).toEqual([]);
  });

  it('may be logged by customer service only, for a project that exists', async () => {
    const w = await world();
    const event = { action: 'log', kind: 'suggestion', projectId: 'p-cuihu', text: '建议周末不要一早开电钻' };
    for (const who of [owner, sm, engManager]) expect(await w.call(enquiry, who._id, event)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(enquiry, cs._id, { ...event, projectId: 'p-nowhere' })).toMatchObject({ ok: false, code: 'ENQUIRY.PROJECT_NOT_FOUND' });
    expect(await snapshot(w.db, 'enquiries')).toEqual([]);
    expect(await w.call(enquiry, csManager._id, event)).toMatchObject({ ok: true });
  });
});

describe('answering', () => {
  it('a request is answered at most once: the second reply is refused and changes nothing', async () => {
    const w = await world();
    const id = await submitted(w, { kind: 'suggestion', text: '建议工地每天收工后拍照发到群里' });
    const first = await w.call(enquiry, cs._id, { action: 'reply', enquiryId: id, text: '已采纳：从下周一起项目经理每天收工后在群里发照片' });
    expect(first.data.enquiry).toMatchObject({ status: 'answered', reply: { byName: '徐客服' } });
    const before = await stored(w, id);
    w.clock.advanceHours(1);
    for (const who of [cs, boss]) {
      expect(await w.call(enquiry, who._id, { action: 'reply', enquiryId: id, text: '再补充一句' })).toMatchObject({ ok: false, code: 'ENQUIRY.ALREADY_ANSWERED' });
    }
    expect(await stored(w, id)).toEqual(before);
    expect((await noticesOf(w, owner._id)).filter((n) => n.kind === 'enquiry.replied')).toHaveLength(1);
  });

  it('only customer service, its managers and admins may answer; everyone else is refused and nothing changes', async () => {
    const w = await world();
    const id = await submitted(w);
    const before = await stored(w, id);
    for (const who of [owner, otherOwner, sm, engManager]) {
      expect(await w.call(enquiry, who._id, { action: 'reply', enquiryId: id, text: '可以的' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await stored(w, id)).toEqual(before);
    expect(await w.call(enquiry, csManager._id, { action: 'reply', enquiryId: id, text: '竣工验收后 7 天内寄出质保卡' })).toMatchObject({ ok: true, data: { enquiry: { status: 'answered' } } });
    expect(await w.call(enquiry, cs._id, { action: 'reply', enquiryId: 'nope', text: '可以的' })).toMatchObject({ ok: false, code: 'ENQUIRY.NOT_FOUND' });
  });

  it('tells the homeowner of the reply in their 消息 list, leading to the request', async () => {
    const w = await world();
    const id = await submitted(w);
    await w.call(enquiry, cs._id, { action: 'reply', enquiryId: id, text: '竣工验收后 7 天内寄出质保卡' });
    const [n] = await noticesOf(w, owner._id);
    expect(n).toMatchObject({ kind: 'enquiry.replied', title: '您的咨询有回复了', body: '客服回复：竣工验收后 7 天内寄出质保卡', page: `/pages/enquiry/index?id=${id}`, ref: 'ZX-20260301-0001' });
    const mine = await w.call(enquiry, owner._id, { action: 'mine' });
    expect(mine.data.enquiries[0]).toMatchObject({ status: 'answered', reply: { text: '竣工验收后 7 天内寄出质保卡', byName: '徐客服' } });
  });
});

describe('who sees a request', () => {
  it('shows it to its homeowner and the desk; another homeowner gets not-found, other staff are refused', async () => {
    const w = await world();
    const id = await submitted(w);
    for (const who of [owner, cs, csManager, boss]) expect(await w.call(enquiry, who._id, { action: 'get', enquiryId: id })).toMatchObject({ ok: true });
    expect(await w.call(enquiry, otherOwner._id, { action: 'get', enquiryId: id })).toMatchObject({ ok: false, code: 'ENQUIRY.NOT_FOUND' });
    for (const who of [sm, engManager]) expect(await w.call(enquiry, who._id, { action: 'get', enquiryId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    for (const who of [owner, sm, engManager]) expect(await w.call(enquiry, who._id, { action: 'queue' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('lists the homeowner’s name and masked phone in the queue, and the full phone on opening it as an audited read', async () => {
    const w = await world();
    const id = await submitted(w);
    const queue = await w.call(enquiry, cs._id, { action: 'queue' });
    expect(queue.data.enquiries[0].homeowner).toEqual({ name: '李女士', phone: '138****8001' });
    const one = await w.call(enquiry, cs._id, { action: 'get', enquiryId: id });
    expect(one.data.enquiry.homeowner).toEqual({ name: '李女士', phone: '13800138001' });
    const audit = (await snapshot(w.db, 'auditLog')) as { viewerId: string; subjectId: string; record: string; fields: string[] }[];
    expect(audit.map(({ viewerId, subjectId, record, fields }) => ({ viewerId, subjectId, record, fields }))).toEqual(
      expect.arrayContaining([
        { viewerId: cs._id, subjectId: owner._id, record: `enquiries/${id}`, fields: ['name'] },
        { viewerId: cs._id, subjectId: owner._id, record: `enquiries/${id}`, fields: ['name', 'phone'] },
      ]),
    );
    // the homeowner reading their own is not a staff read
    await w.call(enquiry, owner._id, { action: 'get', enquiryId: id });
    expect(await snapshot(w.db, 'auditLog')).toHaveLength(audit.length);
  });

  it('lists the homeowner’s own requests newest first, and nobody else’s', async () => {
    const w = await world();
    const first = await submitted(w);
    w.clock.advanceHours(1);
    const second = await submitted(w, { kind: 'suggestion', text: '建议工地每天收工后拍照发到群里' });
    await w.call(enquiry, otherOwner._id, { action: 'submit', kind: 'enquiry', text: '地暖什么时候可以开？' });
    const mine = await w.call(enquiry, owner._id, { action: 'mine' });
    expect(mine.data.enquiries.map((e: { id: string }) => e.id)).toEqual([second, first]);
  });
});

describe('a homeowner calling about a request', () => {
  it('customer service finds the homeowner by the ZX reference the thank-you page told them to quote', async () => {
    const w = await world();
    await submitted(w);
    const found = await w.call(followup, cs._id, { action: 'lookup', query: 'zx 20260301 1' });
    expect(found.data.homeowners.map((h: { id: string }) => h.id)).toEqual([owner._id]);
    expect((await w.call(followup, cs._id, { action: 'lookup', query: 'ZX-20260301-0002' })).data.homeowners).toEqual([]);
  });

  it('shows the homeowner’s requests and their answers in the timeline customer service reads on the phone', async () => {
    const w = await world();
    const id = await submitted(w);
    await w.call(enquiry, cs._id, { action: 'reply', enquiryId: id, text: '竣工验收后 7 天内寄出质保卡' });
    const r = await w.call(followup, cs._id, { action: 'homeowner', homeownerId: owner._id });
    expect(r.data.history.filter((e: { kind: string }) => e.kind === 'enquiry')).toEqual([
      {
        at: at('2026-03-01T10:00:00+08:00'), kind: 'enquiry', kindLabel: '咨询建议', projectName: '翠湖花园 3-1201', title: '咨询：竣工后多久可以申请质保卡？',
        detail: '徐客服已回复：竣工验收后 7 天内寄出质保卡', ref: 'ZX-20260301-0001', open: null,
      },
    ]);
  });
});

describe('the desk’s queue', () => {
  it('lists the open requests late ones first, then the answered ones in 已回复 newest first, a page at a time', async () => {
    const w = await world('2026-11-28T09:00:00+08:00');
    const late = await submitted(w, { text: '请问地板保修几年？' });
    w.clock.set('2026-11-29T08:00:00+08:00');
    const fresh = await submitted(w, { text: '请问窗帘能一起安装吗？' });
    w.clock.set('2026-11-29T09:30:00+08:00');
    const answered = await submitted(w, { text: '请问开关面板能换颜色吗？' });
    await w.call(enquiry, cs._id, { action: 'reply', enquiryId: answered, text: '可以，另有白色和香槟金可选' });
    w.clock.set('2026-11-29T10:00:00+08:00');
    const open = await w.call(enquiry, cs._id, { action: 'queue' });
    expect(open.data.enquiries.map((e: { id: string; overdue: boolean; closed: boolean }) => [e.id, e.overdue, e.closed])).toEqual([[late, true, false], [fresh, false, false]]);
    expect(open.data.more).toBe(false);
    const closed = await w.call(enquiry, cs._id, { action: 'queue', closed: true });
    expect(closed.data.enquiries.map((e: { id: string; closed: boolean }) => [e.id, e.closed])).toEqual([[answered, true]]);
  });

  it('pages the answered ones 20 at a time', async () => {
    const w = await world();
    for (let i = 0; i < 21; i++) {
      const r = await w.call(enquiry, cs._id, { action: 'log', kind: 'enquiry', projectId: 'p-cuihu', text: `第 ${i + 1} 个电话咨询`, reply: '已当场答复' });
      expect(r.ok).toBe(true);
      w.clock.advanceHours(1);
    }
    const page0 = await w.call(enquiry, cs._id, { action: 'queue', closed: true });
    expect(page0.data).toMatchObject({ more: true });
    expect(page0.data.enquiries).toHaveLength(20);
    expect(page0.data.enquiries[0].text).toBe('第 21 个电话咨询');
    const page1 = await w.call(enquiry, cs._id, { action: 'queue', closed: true, page: 1 });
    expect(page1.data).toMatchObject({ more: false });
    expect(page1.data.enquiries.map((e: { text: string }) => e.text)).toEqual(['第 1 个电话咨询']);
  });
});

describe('escalating an unanswered request', () => {
  it('tells the customer-service managers once, and not before its 24 hours are up', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    const id = await submitted(w);
    const run = escalateTimer(w.deps);
    w.clock.set('2026-11-30T10:04:00+08:00');
    expect(await run()).toMatchObject({ enquiries: 0 });
    w.clock.set('2026-11-30T10:05:00+08:00');
    expect(await run()).toMatchObject({ enquiries: 0 });
    expect(await noticesOf(w, csManager._id)).toEqual([]);
    w.clock.set('2026-11-30T10:06:00+08:00');
    expect(await run()).toMatchObject({ enquiries: 1 });
    expect(await run()).toMatchObject({ enquiries: 0 });
    w.clock.set('2026-12-01T10:06:00+08:00');
    expect(await run()).toMatchObject({ enquiries: 0 });
    const told = await noticesOf(w, csManager._id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'enquiry.overdue', title: '咨询超过 24 小时未回复', page: `/staff/enquiries/index?id=${id}` });
    expect(told[0].body).toContain('11月30日 10:05');
    expect(await noticesOf(w, PEOPLE.gm._id)).toEqual([]);
    expect(await noticesOf(w, engManager._id)).toEqual([]);
    expect(await stored(w, id)).toMatchObject({ status: 'open', escalateAt: null, escalatedAt: at('2026-11-30T10:06:00+08:00') });
    // still listed, late, until someone answers
    expect((await w.call(enquiry, cs._id, { action: 'queue' })).data.enquiries[0]).toMatchObject({ id, overdue: true });
  });

  it('never escalates a request answered in time', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    const id = await submitted(w);
    w.clock.set('2026-11-30T09:00:00+08:00');
    await w.call(enquiry, cs._id, { action: 'reply', enquiryId: id, text: '竣工验收后 7 天内寄出质保卡' });
    w.clock.set('2026-11-30T11:00:00+08:00');
    expect(await escalateTimer(w.deps)()).toMatchObject({ enquiries: 0 });
    expect(await noticesOf(w, csManager._id)).toEqual([]);
  });

  it('works within the timer’s time budget and leaves the rest for the next run, each told once', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await submitted(w, { text: `第 ${i + 1} 个问题：质保卡什么时候寄出？` }));
    w.clock.set('2026-11-30T12:00:00+08:00');
    let looks = 0;
    const cut = await escalateTimer(w.deps, { elapsed: () => (++looks > 8 ? BUDGET_MS + looks : looks) })();
    expect(cut.more).toBe(true);
    expect(cut.enquiries).toBeLessThan(12);
    const rest = await escalateTimer(w.deps)();
    expect(cut.enquiries + rest.enquiries).toBe(12);
    expect(rest.more).toBe(false);
    expect(await noticesOf(w, csManager._id)).toHaveLength(12);
  });

  it('escalates once when two runs happen at the same time', async () => {
    const w = await world('2026-11-29T10:05:00+08:00');
    await submitted(w);
    w.clock.set('2026-11-30T12:00:00+08:00');
    const runs = await Promise.all([escalateTimer(w.deps)(), escalateTimer(w.deps)()]);
    expect(runs.reduce((n, r) => n + r.enquiries, 0)).toBe(1);
    expect(await noticesOf(w, csManager._id)).toHaveLength(1);
  });
});

describe('the homeowner’s data', () => {
  it('我的数据 lists the homeowner’s enquiries and suggestions with their replies', async () => {
    const w = await world();
    const id = await submitted(w);
    await w.call(enquiry, cs._id, { action: 'reply', enquiryId: id, text: '竣工验收后 7 天内寄出质保卡' });
    const r = await w.call(privacy, owner._id, { action: 'myData' });
    expect(r.data.copy.enquiries).toEqual([
      {
        id, ref: 'ZX-20260301-0001', projectId: 'p-cuihu', kind: 'enquiry', channel: 'app', text: '竣工后多久可以申请质保卡？', status: 'answered',
        receivedAt: at('2026-03-01T10:00:00+08:00'), reply: '竣工验收后 7 天内寄出质保卡', repliedAt: at('2026-03-01T10:00:00+08:00'),
      },
    ]);
    expect((await w.call(privacy, otherOwner._id, { action: 'myData' })).data.copy.enquiries).toEqual([]);
  });

  it('deletion masks phone numbers the homeowner wrote into their enquiries and suggestions', async () => {
    const w = await world();
    const id = await submitted(w, { text: '请打我另一个号码 139-1234-5678 联系' });
    // carried out at once by default (no delay configured)
    expect(await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true })).toMatchObject({ ok: true, data: { request: { state: 'done' } } });
    expect((await stored(w, id)).text).toBe('请打我另一个号码 *********** 联系');
  });

  it('the retention timer masks phone numbers in the requests of a project past retention, and in those about no home once none is kept', async () => {
    const w = await world('2032-03-01T10:00:00+08:00');
    const about = await submitted(w, { text: '装修时的电话 13912345678 已经不用了' });
    const general = await submitted(w, { text: '新号码是 13812345678，请更新', projectId: undefined });
    // 翠湖花园, 李女士's only home, completed past the warranty horizon and the retention period
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { completed: '2025-06-01' } });
    await retentionTimer(w.deps)();
    expect((await stored(w, about)).text).toBe('装修时的电话 *********** 已经不用了');
    expect((await stored(w, general)).text).toBe('新号码是 ***********，请更新');
  });
});
