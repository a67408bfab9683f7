import { PRIVACY_NOTICE_VERSION } from '@shared/consent/notice';
import { OPT_OUT_PAGE, SMS_OPT_OUT } from '@shared/campaign/campaign';
import { campaignFunction as campaign } from '../../cloudfunctions/campaign/handler';
import { campaignTimer } from '../../cloudfunctions/campaign/timer';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { stores } from '../../cloudfunctions/_platform/stores';
import type { Database, Transaction } from '../../cloudfunctions/_platform/database';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import { PEOPLE, PROJECTS, secondAdmin, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, cs, admin, engManager } = PEOPLE;
const TEMPLATE = { id: 'tpl-mkt', fields: { thing1: 'title', thing2: 'body', thing3: 'optOut' } };

const consent = (w: World, who: string, channel: string, decision: 'granted' | 'withdrawn') =>
  w.call(privacy, who, { action: 'setConsent', channel, decision, noticeVersion: PRIVACY_NOTICE_VERSION });

async function withTemplate(w: World): Promise<void> {
  await w.db.collection('settings').doc('campaign').set({ template: TEMPLATE });
}

/** An offer to everyone, on `channel`, at `sendAt`, as the admin defines it (waiting for approval). */
const propose = (w: World, channel: string, sendAt: string, extra: Record<string, unknown> = {}) =>
  w.call(campaign, admin._id, { action: 'define', kind: 'offer', title: '春季焕新优惠', body: '老客户局部翻新享九折，三月底前有效', channel, sendAt: at(sendAt), ...extra });

/** The offer defined and approved by a second admin: what the timer sends. */
async function offer(w: World, channel: string, sendAt: string, extra: Record<string, unknown> = {}) {
  const made = await propose(w, channel, sendAt, extra);
  if (!made.ok) return made;
  return w.call(campaign, await secondAdmin(w), { action: 'approve', campaignId: made.data.campaign._id });
}

async function runAt(w: World, iso: string) {
  w.clock.set(iso);
  return campaignTimer(w.deps)();
}

const sends = async (w: World) => (await snapshot(w.db, 'campaignSends')) as { _id: string; homeownerId: string; state: string; reason: string | null }[];
const sms = async (w: World) => (await snapshot(w.db, 'smsOutbox')) as { _id: string; phone: string; text: string; sentAt: number }[];
const outbox = async (w: World) => (await snapshot(w.db, 'outbox')) as { _id: string; touser: string; page: string; data: Record<string, { value: string }> }[];

describe('campaign.define: only an admin defines a campaign, checked field by field', () => {
  it('an admin defines an offer; every other role is refused and nothing is stored', async () => {
    const w = await world();
    for (const who of [owner, sm, cs, engManager]) {
      const refused = await w.call(campaign, who._id, { action: 'define', kind: 'offer', title: '春季焕新优惠', body: '老客户局部翻新享九折', channel: 'sms', sendAt: at('2026-03-02T10:00:00+08:00') });
      expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await snapshot(w.db, 'campaigns')).toEqual([]);
    const made = await propose(w, 'sms', '2026-03-02T10:00:00+08:00');
    expect(made.data.campaign).toMatchObject({ status: 'proposed', approved: null, channel: 'sms', sendAt: at('2026-03-02T10:00:00+08:00'), createdBy: { id: admin._id } });
    expect(await snapshot(w.db, 'campaigns')).toHaveLength(1);
    expect(await w.call(campaign, null, { action: 'define' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
  });

  it('malformed input is refused with REQUEST.INVALID naming each field, and writes nothing', async () => {
    const w = await world();
    const bad = await w.call(campaign, admin._id, { action: 'define', kind: 'flyer', title: '', body: '短', channel: 'fax', audience: { stages: ['demolished'], city: 'x' } });
    expect(bad).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    expect(Object.keys(bad.fields)).toEqual(expect.arrayContaining(['kind', 'title', 'body', 'channel', 'audience.stages.0', 'audience.city']));
    const noTime = await w.call(campaign, admin._id, { action: 'define', kind: 'event', title: '开放日活动', body: '周六样板间开放，欢迎参观', channel: 'sms' });
    expect(noTime).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { sendAt: '请选择发送时间' } });
    const greetingWithoutHoliday = await w.call(campaign, admin._id, { action: 'define', kind: 'greeting', title: '节日快乐', body: '祝您阖家幸福安康', channel: 'sms' });
    expect(greetingWithoutHoliday.fields).toHaveProperty('holiday');
    const past = await offer(w, 'sms', '2026-02-01T10:00:00+08:00');
    expect(past).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { sendAt: expect.stringContaining('已经过去') } });
    // a subscription campaign needs the marketing template configured
    expect(await offer(w, 'subscription', '2026-03-02T10:00:00+08:00')).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { channel: expect.stringContaining('模板') } });
    expect(await snapshot(w.db, 'campaigns')).toEqual([]);
  });

  it('a retried define (same requestId) answers the first campaign and stores one', async () => {
    const w = await world();
    const first = await offer(w, 'sms', '2026-03-02T10:00:00+08:00', { requestId: 'req-offer-0001' });
    const again = await offer(w, 'sms', '2026-03-02T10:00:00+08:00', { requestId: 'req-offer-0001' });
    expect(again.data.campaign._id).toBe(first.data.campaign._id);
    expect(await snapshot(w.db, 'campaigns')).toHaveLength(1);
  });
});

describe('holiday greetings take their time from that year’s calendar (chinese-days)', () => {
  it('2026 中秋节 goes on 2026-09-25 at 10:00, 2027 春节 on 2027-02-06, 2027 中秋节 on 2027-09-15', async () => {
    const w = await world('2026-09-20T10:00:00+08:00');
    const greet = (name: string, year: number) => w.call(campaign, admin._id, { action: 'define', kind: 'greeting', title: `${name}快乐`, body: '感谢您一直以来的信任，祝阖家幸福', channel: 'sms', holiday: { name, year } });
    expect((await greet('中秋节', 2026)).data.campaign).toMatchObject({ sendAt: at('2026-09-25T10:00:00+08:00'), holiday: { name: '中秋节', year: 2026 } });
    expect((await greet('国庆节', 2026)).data.campaign.sendAt).toBe(at('2026-10-01T10:00:00+08:00'));
    expect((await greet('春节', 2027)).data.campaign.sendAt).toBe(at('2027-02-06T10:00:00+08:00'));
    expect((await greet('端午节', 2027)).data.campaign.sendAt).toBe(at('2027-06-09T10:00:00+08:00'));
    expect((await greet('中秋节', 2027)).data.campaign.sendAt).toBe(at('2027-09-15T10:00:00+08:00'));
    // a holiday already past, or more than a year ahead, is refused on the year
    expect(await greet('春节', 2026)).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'holiday.year': expect.stringContaining('已经过去') } });
    expect(await greet('中秋节', 2028)).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'holiday.year': expect.any(String) } });
    expect(await greet('清明节', 2027)).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'holiday.name': expect.any(String) } });
  });
});

describe('campaign.list and campaign.cancel: admin only', () => {
  it('lists campaigns with their counts; a cancel stops what waits, and a second cancel changes nothing', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    const c = (await offer(w, 'sms', '2026-03-02T08:00:00+08:00')).data.campaign;
    await runAt(w, '2026-03-02T08:00:00+08:00'); // its time came: gathered, both waiting for the window
    for (const who of [owner, sm, cs, engManager]) {
      expect(await w.call(campaign, who._id, { action: 'list' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(campaign, who._id, { action: 'cancel', campaignId: c._id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    const listed = await w.call(campaign, admin._id, { action: 'list' });
    expect(listed.data.campaigns[0]).toMatchObject({ _id: c._id, audienceSize: 2, counts: { pending: 2, sent: 0, skipped: 0, skippedNoConsent: 0 } });
    const cancelled = await w.call(campaign, admin._id, { action: 'cancel', campaignId: c._id });
    expect(cancelled.data.campaign).toMatchObject({ status: 'cancelled', cancelled: { by: { id: admin._id } } });
    const before = await snapshot(w.db, 'campaigns');
    expect((await w.call(campaign, admin._id, { action: 'cancel', campaignId: c._id })).ok).toBe(true);
    expect(await snapshot(w.db, 'campaigns')).toEqual(before);
    await runAt(w, '2026-03-02T10:05:00+08:00');
    expect(await sms(w)).toEqual([]);
    expect((await sends(w)).map((s) => s.reason)).toEqual(['cancelled', 'cancelled']);
    expect(await w.call(campaign, admin._id, { action: 'cancel', campaignId: 'nope' })).toMatchObject({ ok: false, code: 'CAMPAIGN.NOT_FOUND' });
  });
});

describe('the campaign timer sends marketing only as the rules allow', () => {
  it('sends nothing to a homeowner without consent on that channel at the moment of sending', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await consent(w, otherOwner._id, 'subscription', 'granted'); // consent on another channel is not consent to SMS
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00');
    expect(await runAt(w, '2026-03-02T10:05:00+08:00')).toMatchObject({ gathered: 2, sent: 1, skipped: 1 });
    const texts = await sms(w);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ phone: owner.phone });
    expect(texts[0].text.endsWith(SMS_OPT_OUT)).toBe(true);
    expect((await sends(w)).find((s) => s.homeownerId === otherOwner._id)).toMatchObject({ state: 'skipped', reason: 'noConsent' });
    const [listed] = (await w.call(campaign, admin._id, { action: 'list' })).data.campaigns;
    expect(listed.counts).toMatchObject({ sent: 1, skipped: 1, skippedNoConsent: 1 });
  });

  it('a withdrawal between the campaign’s definition and its sending skips her', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await offer(w, 'sms', '2026-03-02T08:00:00+08:00');
    await runAt(w, '2026-03-02T09:00:00+08:00'); // gathered: she is in the audience, waiting for the window
    expect((await sends(w)).find((s) => s.homeownerId === owner._id)).toMatchObject({ state: 'pending' });
    w.clock.set('2026-03-02T09:30:00+08:00');
    await consent(w, owner._id, 'sms', 'withdrawn');
    await runAt(w, '2026-03-02T10:05:00+08:00');
    expect(await sms(w)).toEqual([]);
    expect((await sends(w)).find((s) => s.homeownerId === owner._id)).toMatchObject({ state: 'skipped', reason: 'noConsent' });
  });

  it('a withdrawal racing the send — landing after the timer read her consent, before the message went — stops it', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await offer(w, 'sms', '2026-03-02T08:00:00+08:00');
    await runAt(w, '2026-03-02T08:00:00+08:00'); // gathered, waiting for the window
    await w.db.collection('contacts').doc(owner._id).set({ credits: {}, day: null, sentOnDay: 0, claims: {}, version: 1, updatedAt: 0 });
    // the run's first transaction is the claim of consent: the withdrawal gets in just before it
    let raced = false;
    const racing: Database = Object.assign(Object.create(w.db) as Database, {
      runTransaction: async <R>(work: (tx: Transaction) => Promise<R>): Promise<R> => {
        if (!raced) {
          raced = true;
          expect(await consent(w, owner._id, 'sms', 'withdrawn')).toMatchObject({ ok: true, data: { changed: true } });
        }
        return w.db.runTransaction(work);
      },
    });
    w.clock.set('2026-03-02T10:05:00+08:00');
    expect(await campaignTimer({ ...w.deps, db: racing })()).toMatchObject({ sent: 0 });
    expect(raced).toBe(true);
    expect(await sms(w)).toEqual([]);
    expect((await sends(w)).find((s) => s.homeownerId === owner._id)).toMatchObject({ state: 'skipped', reason: 'noConsent' });
    // nothing went, so nothing counts against her day
    expect(await stores(w.db).contacts.get(owner._id)).toMatchObject({ sentOnDay: 0, claims: {} });
  });

  it('勿扰 stops a campaign whatever the channels say', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await w.call(privacy, owner._id, { action: 'setDoNotDisturb', on: true, noticeVersion: PRIVACY_NOTICE_VERSION });
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00');
    await runAt(w, '2026-03-02T10:05:00+08:00');
    expect(await sms(w)).toEqual([]);
  });

  it('sends nothing outside the homeowner’s contact windows: it waits for the next one', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await offer(w, 'sms', '2026-03-02T08:00:00+08:00');
    // both wait (王先生 too: consent is looked at only when a message would go)
    expect(await runAt(w, '2026-03-02T08:00:00+08:00')).toMatchObject({ sent: 0, waiting: 2 });
    expect(await runAt(w, '2026-03-02T09:59:00+08:00')).toMatchObject({ sent: 0 });
    expect(await runAt(w, '2026-03-02T12:00:00+08:00')).toMatchObject({ sent: 0 }); // between 11:30 and 15:00
    expect(await sms(w)).toEqual([]);
    expect(await runAt(w, '2026-03-02T15:00:00+08:00')).toMatchObject({ sent: 1 });
    expect((await sms(w))[0].sentAt).toBe(at('2026-03-02T15:00:00+08:00'));
  });

  it('the daily cap is shared with service follow-ups, and service goes first', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    // a service follow-up of hers due today, not sent yet: it has the day's one message
    const planned = { key: 'midStage', kind: 'midStage' as const, dueDate: '2026-03-02', windowEnd: '2026-03-05' };
    const f = { ...newFollowUp(PROJECTS[0], planned, at('2026-03-01T10:00:00+08:00')), nextActionAt: at('2026-03-02T10:00:00+08:00') };
    const { _id, ...doc } = { ...f, _id: followUpId(PROJECTS[0]._id, 'midStage') };
    await w.db.collection('followups').doc(_id).set(doc);
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00');
    expect(await runAt(w, '2026-03-02T10:05:00+08:00')).toMatchObject({ sent: 0, waiting: 1 });
    // the follow-up was sent meanwhile: the day's count is full
    await w.db.collection('followups').doc(_id).update({ state: 'sent', nextActionAt: null });
    await w.db.collection('contacts').doc(owner._id).set({ credits: {}, day: '2026-03-02', sentOnDay: 1, claims: {}, version: 1, updatedAt: at('2026-03-02T10:10:00+08:00') });
    expect(await runAt(w, '2026-03-02T15:00:00+08:00')).toMatchObject({ sent: 0 });
    // the next day's first window: it goes, and counts against that day
    expect(await runAt(w, '2026-03-03T10:00:00+08:00')).toMatchObject({ sent: 1 });
    expect(await stores(w.db).contacts.get(owner._id)).toMatchObject({ day: '2026-03-03', sentOnDay: 1 });
  });

  it('a subscription campaign spends one credit of the marketing template, opens the consent screen, and skips her when none is left', async () => {
    const w = await world();
    await withTemplate(w);
    await consent(w, owner._id, 'subscription', 'granted');
    // she accepts the marketing template once; 王先生, without consent, cannot collect a credit for it
    await w.call(followup, owner._id, { action: 'subscribed', results: { [TEMPLATE.id]: 'accept' } });
    await w.call(followup, otherOwner._id, { action: 'subscribed', results: { [TEMPLATE.id]: 'accept' } });
    expect(await stores(w.db).contacts.get(otherOwner._id)).toBeNull();
    await offer(w, 'subscription', '2026-03-02T10:00:00+08:00');
    await runAt(w, '2026-03-02T10:05:00+08:00');
    const sent = await outbox(w);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: owner._id, page: OPT_OUT_PAGE, data: { thing1: { value: '春季焕新优惠' }, thing3: { value: '点开可一键退订' } } });
    expect((await stores(w.db).contacts.get(owner._id))?.credits[TEMPLATE.id]).toMatchObject({ spent: 1, left: 0 });
    // 王先生 had neither consent nor a credit: the reason kept is the missing consent
    expect((await sends(w)).find((s) => s.homeownerId === otherOwner._id)).toMatchObject({ state: 'skipped', reason: 'noConsent' });
    await offer(w, 'subscription', '2026-03-03T10:00:00+08:00');
    await runAt(w, '2026-03-03T10:05:00+08:00');
    expect(await outbox(w)).toHaveLength(1);
    expect((await sends(w)).filter((s) => s.homeownerId === owner._id).map((s) => s.reason)).toEqual(expect.arrayContaining([null, 'noCredit']));
  });

  it('never sends twice: not on a second run, nor when two runs overlap', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00');
    w.clock.set('2026-03-02T10:05:00+08:00');
    const [a, b] = await Promise.all([campaignTimer(w.deps)(), campaignTimer(w.deps)()]);
    expect(a.sent + b.sent).toBe(1);
    await runAt(w, '2026-03-02T15:05:00+08:00');
    await runAt(w, '2026-03-05T10:05:00+08:00');
    expect(await sms(w)).toHaveLength(1);
    expect(await snapshot(w.db, 'campaignSends')).toHaveLength(2);
  });

  it('the audience filter picks projects by stage, warranty and city', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    await consent(w, otherOwner._id, 'sms', 'granted');
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00', { audience: { stages: ['underConstruction'] } });
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00', { audience: { city: '滨江区' } });
    await offer(w, 'sms', '2026-03-02T10:00:00+08:00', { audience: { warranty: 'registered' } });
    await runAt(w, '2026-03-02T10:05:00+08:00');
    const byOwner = (await sends(w)).map((s) => s.homeownerId).sort();
    expect(byOwner).toEqual([otherOwner._id, owner._id].sort());
  });
});

describe('phone campaigns make call tasks, consent checked at creation and again when the task is opened', () => {
  it('a call task only for a homeowner with call consent; withdrawn since, opening it gives no number', async () => {
    const w = await world();
    await consent(w, owner._id, 'phone', 'granted');
    await consent(w, otherOwner._id, 'phone', 'granted');
    await offer(w, 'phone', '2026-03-02T10:00:00+08:00');
    await consent(w, otherOwner._id, 'phone', 'withdrawn'); // before the tasks are made: no task
    expect(await runAt(w, '2026-03-02T10:05:00+08:00')).toMatchObject({ callTasks: 1 });
    const listed = await w.call(campaign, cs._id, { action: 'calls' });
    expect(listed.data.calls).toEqual([expect.objectContaining({ homeownerName: owner.name, campaignTitle: '春季焕新优惠' })]);
    expect(listed.data.calls[0]).not.toHaveProperty('phone');
    for (const who of [owner, sm, engManager]) expect(await w.call(campaign, who._id, { action: 'calls' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    // she withdraws after the task was made: the agent opening it gets no number, the task closes
    w.clock.set('2026-03-02T10:10:00+08:00');
    await consent(w, owner._id, 'phone', 'withdrawn');
    const opened = await w.call(campaign, cs._id, { action: 'openCall', sendId: listed.data.calls[0].sendId });
    expect(opened).toMatchObject({ ok: false, code: 'CAMPAIGN.NO_CONSENT' });
    expect(JSON.stringify(opened)).not.toContain(owner.phone);
    expect((await w.call(campaign, cs._id, { action: 'calls' })).data.calls).toEqual([]);
  });

  it('with consent standing, the agent gets the number once she opens the task, and the read is audited', async () => {
    const w = await world();
    await consent(w, owner._id, 'phone', 'granted');
    await offer(w, 'phone', '2026-03-02T10:00:00+08:00');
    await runAt(w, '2026-03-02T10:05:00+08:00');
    const [task] = (await w.call(campaign, cs._id, { action: 'calls' })).data.calls;
    expect(await w.call(campaign, owner._id, { action: 'openCall', sendId: task.sendId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const opened = await w.call(campaign, cs._id, { action: 'openCall', sendId: task.sendId });
    expect(opened.data).toMatchObject({ homeowner: { phone: owner.phone }, send: { state: 'called', calledBy: { id: cs._id } } });
    const audit = (await snapshot(w.db, 'auditLog')) as { subjectId: string; fields: string[] }[];
    expect(audit.some((a) => a.subjectId === owner._id && a.fields.includes('phone'))).toBe(true);
  });
});

describe('campaign.approve: a text published to customers is approved by a second admin before it goes out (004 4.5)', () => {
  it('nothing of a proposed campaign is sent; another admin approves it and it goes out at its time', async () => {
    const w = await world();
    await consent(w, owner._id, 'sms', 'granted');
    const made = await propose(w, 'sms', '2026-03-02T10:00:00+08:00');
    await runAt(w, '2026-03-02T10:05:00+08:00');
    expect(await sends(w)).toEqual([]);
    expect(await sms(w)).toEqual([]);
    const qian = await secondAdmin(w);
    const approved = await w.call(campaign, qian, { action: 'approve', campaignId: made.data.campaign._id });
    expect(approved.data.campaign).toMatchObject({ status: 'scheduled', approved: { at: at('2026-03-02T10:05:00+08:00'), by: { id: qian, name: '钱主任' } } });
    await runAt(w, '2026-03-02T10:10:00+08:00');
    expect((await sms(w)).map((m) => m.phone)).toEqual([owner.phone]);
  });

  it('the admin who defined it cannot approve it, nor can any other role; a second approval changes nothing', async () => {
    const w = await world();
    const made = await propose(w, 'sms', '2026-03-02T10:00:00+08:00');
    const id = made.data.campaign._id;
    expect(await w.call(campaign, admin._id, { action: 'approve', campaignId: id })).toMatchObject({ ok: false, code: 'CAMPAIGN.OWN_CAMPAIGN' });
    for (const who of [owner, sm, cs, engManager]) {
      expect(await w.call(campaign, who._id, { action: 'approve', campaignId: id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await snapshot(w.db, 'campaigns')).toEqual([expect.objectContaining({ status: 'proposed', approved: null })]);
    const qian = await secondAdmin(w);
    await w.call(campaign, qian, { action: 'approve', campaignId: id });
    const stored = await snapshot(w.db, 'campaigns');
    w.clock.advanceHours(1);
    expect(await w.call(campaign, qian, { action: 'approve', campaignId: id })).toMatchObject({ ok: true, data: { campaign: { status: 'scheduled' } } });
    expect(await snapshot(w.db, 'campaigns')).toEqual(stored);
  });

  it('a cancelled campaign, one past its sending time limit and an unknown one are refused, writing nothing', async () => {
    const w = await world();
    const qian = await secondAdmin(w);
    const cancelled = await propose(w, 'sms', '2026-03-02T10:00:00+08:00');
    await w.call(campaign, admin._id, { action: 'cancel', campaignId: cancelled.data.campaign._id });
    const late = await propose(w, 'sms', '2026-03-02T10:00:00+08:00');
    const before = await snapshot(w.db, 'campaigns');
    expect(await w.call(campaign, qian, { action: 'approve', campaignId: cancelled.data.campaign._id })).toMatchObject({ ok: false, code: 'CAMPAIGN.CANCELLED' });
    w.clock.set('2026-03-10T10:00:00+08:00');
    expect(await w.call(campaign, qian, { action: 'approve', campaignId: late.data.campaign._id })).toMatchObject({ ok: false, code: 'CAMPAIGN.EXPIRED' });
    expect(await w.call(campaign, qian, { action: 'approve', campaignId: 'campaign-nope' })).toMatchObject({ ok: false, code: 'CAMPAIGN.NOT_FOUND' });
    expect(await snapshot(w.db, 'campaigns')).toEqual(before);
  });
});
