import { dispatchTimer, MAX_PAGES, PAGE } from '../../cloudfunctions/dispatch/handler';
import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import type { Deps, Messenger } from '../../cloudfunctions/_platform/ports';
import { outboxMessenger } from '../../host/outbox';
import { PREFERRED_TIME_PRESETS } from '@shared/followup/contact';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import type { PlannedFollowUp } from '@shared/followup/schedule';
import { checkTemplateData } from '@shared/followup/templates';
import { DEFAULT_COMPLAINT_RULES } from '@shared/complaint/categories';
import { newComplaint } from '@shared/complaint/intake';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { grantCredit } from '@shared/followup/credits';
import { stores } from '../../cloudfunctions/_platform/stores';
import { countingDatabase } from '../../host/db/counting';
import { PEOPLE, PROJECTS, world, type World } from './harness';

const { owner, otherOwner } = PEOPLE;
const at = (iso: string) => new Date(iso).getTime();

const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };
const TEMPLATES = {
  stageVisit: { id: 'tpl-stage', fields: FIELDS },
  warrantyVisit: { id: 'tpl-warranty', fields: FIELDS },
  serviceVisit: { id: 'tpl-service', fields: FIELDS },
};

// 2026-03-11 is a Wednesday; the windows below run Wednesday to Saturday 2026-03-14.
const MID: PlannedFollowUp = { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' };
const CONCEALED: PlannedFollowUp = { key: 'concealedWorks', kind: 'concealedWorks', dueDate: '2026-03-11', windowEnd: '2026-03-14' };
const WELCOME: PlannedFollowUp = { key: 'depositWelcome', kind: 'depositWelcome', dueDate: '2026-03-11', windowEnd: '2026-03-11' };

async function configure(w: World, extra: Record<string, unknown> = {}): Promise<void> {
  await w.db.collection('settings').doc('followup').set({ templates: TEMPLATES, ...extra });
}

async function store(w: World, planned: PlannedFollowUp, projectId = 'p-cuihu', over: Record<string, unknown> = {}): Promise<string> {
  const project = PROJECTS.find((p) => p._id === projectId) ?? PROJECTS[0];
  const id = followUpId(project._id, planned.key);
  await w.db.collection('followups').doc(id).set({ ...newFollowUp(project, planned, at('2026-03-01T10:00:00+08:00')), ...over });
  return id;
}

/** The homeowner accepts a template `n` times, as the mini-program reports it. */
async function accept(w: World, who: string, templateId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) expect(await w.call(followup, who, { action: 'subscribed', results: { [templateId]: 'accept' } })).toMatchObject({ ok: true });
}

const followUp = async (w: World, id: string) => (await w.db.collection('followups').doc(id).get()).data[0] as any;
/** What the homeowner's contact ledger holds of one template: credits left, acceptances, messages spent. */
async function credits(w: World, who: string, templateId: string) {
  const ledger = (await w.db.collection('contacts').doc(who).get()).data[0] as any;
  const e = ledger?.credits[templateId];
  return { credits: e?.left ?? 0, accepted: e?.accepted ?? 0, spent: e?.spent ?? 0 };
}

/** A repair ticket on a project (翠湖花园 unless another is given), filed through the product's own rules, in the status given. */
async function repairIn(w: World, id: string, status: string, project: (typeof PROJECTS)[number] = PROJECTS[0]): Promise<void> {
  const ticket = newRepairTicket(
    { category: 'plumbing', description: '厨房水槽下水管漏水', photos: [], preferredVisit: { date: '2026-03-10', slot: 'morning' } },
    project, at('2026-03-09T10:00:00+08:00'), DEFAULT_REPAIR_RULES,
  );
  await w.db.collection('repairs').doc(id).set({ ...ticket, status });
}

/** A complaint about 翠湖花园 as the mini-program files it. */
async function complaintOn(w: World, id: string): Promise<void> {
  const complaint = newComplaint(
    { homeownerId: owner._id, projectId: 'p-cuihu', category: 'schedule', description: '工期拖延了一周还没有人解释', photos: [], channel: 'miniProgram', staff: null, source: null, receivedBy: { id: owner._id, role: 'homeowner' } },
    null, at('2026-03-09T10:00:00+08:00'), DEFAULT_COMPLAINT_RULES,
  );
  await w.db.collection('complaints').doc(id).set(complaint);
}
const outbox = async (w: World) => (await w.db.collection('outbox').orderBy('_id', 'asc').limit(1000).get()).data as any[];

async function runAt(w: World, iso: string, deps: Deps = w.deps) {
  w.clock.set(iso);
  return dispatchTimer(deps)();
}

describe('the dispatch timer: contact windows', () => {
  it('holds a follow-up due outside the contact windows and sends it at 10:00 CST', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T08:00:00+08:00')).toEqual({ sent: 0, phoneTasks: 0, waiting: 1, more: false });
    expect(await followUp(w, id)).toMatchObject({ state: 'pending', hold: 'outsideWindow', nextActionAt: at('2026-03-11T10:00:00+08:00') });
    expect(await runAt(w, '2026-03-11T09:55:00+08:00')).toEqual({ sent: 0, phoneTasks: 0, waiting: 0, more: false });
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toEqual({ sent: 1, phoneTasks: 0, waiting: 0, more: false });
    expect(await followUp(w, id)).toMatchObject({
      state: 'sent', hold: null, nextActionAt: at('2026-03-15T00:00:00+08:00'),
      message: { templateId: 'tpl-stage', claimedAt: at('2026-03-11T10:00:00+08:00'), sentAt: at('2026-03-11T10:00:00+08:00'), errcode: null },
    });
    expect(await outbox(w)).toEqual([
      expect.objectContaining({
        _id: id, touser: owner._id, templateId: 'tpl-stage', page: `pages/survey/index?id=${id}`,
        data: { thing1: { value: '中期回访' }, thing2: { value: '翠湖花园 3-1201' }, date3: { value: '2026年3月11日' }, thing4: { value: '点击填写，可分几次完成' } },
      }),
    ]);
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 0, accepted: 1, spent: 1 });
  });

  it("waits for the homeowner's evening preference (工作日晚上 19:30-21:30) instead of the company's windows", async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    expect(await w.call(followup, owner._id, { action: 'setContactTime', windows: PREFERRED_TIME_PRESETS[1].windows })).toMatchObject({ ok: true });
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 0, waiting: 1 });
    expect(await followUp(w, id)).toMatchObject({ hold: 'outsideWindow', nextActionAt: at('2026-03-11T19:30:00+08:00') });
    expect(await runAt(w, '2026-03-11T15:00:00+08:00')).toMatchObject({ sent: 0 });
    expect(await runAt(w, '2026-03-11T19:30:00+08:00')).toMatchObject({ sent: 1 });
    expect(await outbox(w)).toHaveLength(1);
  });

  it('sends one follow-up message a day to a homeowner: of two due, one goes today and one tomorrow', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 2);
    const ids = [await store(w, MID), await store(w, CONCEALED)];
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toEqual({ sent: 1, phoneTasks: 0, waiting: 1, more: false });
    const held = (await Promise.all(ids.map((id) => followUp(w, id)))).find((f) => f.state === 'pending');
    expect(held).toMatchObject({ hold: 'dailyCap', nextActionAt: at('2026-03-12T10:00:00+08:00') });
    expect(await runAt(w, '2026-03-11T15:00:00+08:00')).toEqual({ sent: 0, phoneTasks: 0, waiting: 0, more: false });
    expect(await runAt(w, '2026-03-12T10:00:00+08:00')).toMatchObject({ sent: 1 });
    const sent = (await outbox(w)).map((m) => m.sentAt).sort();
    expect(sent).toEqual([at('2026-03-11T10:00:00+08:00'), at('2026-03-12T10:00:00+08:00')]);
    // the ledger counts per CST day: the second message is the first of 2026-03-12
    expect((await w.db.collection('contacts').doc('owner-li').get()).data[0]).toMatchObject({ day: '2026-03-12', sentOnDay: 1 });
  });

  it('counts the cap per homeowner: another homeowner gets their message the same day', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    await accept(w, otherOwner._id, 'tpl-stage', 1);
    await store(w, MID);
    await store(w, MID, 'p-binjiang');
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 2, waiting: 0 });
  });
});

describe('the dispatch timer: warranty-period spot-checks (001 §五)', () => {
  const WARRANTY = { key: 'warranty:3', kind: 'warranty', dueDate: '2026-03-11', windowEnd: '2026-03-26' } as const;

  it('makes a warranty-period follow-up a phone spot-check for admin/HR and sends no message, even to a homeowner with credits', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-warranty', 2);
    const id = await store(w, WARRANTY);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 0, phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'spotCheck', callAt: at('2026-03-11T10:00:00+08:00') });
    expect(await outbox(w)).toEqual([]);
    expect(await credits(w, 'owner-li', 'tpl-warranty')).toMatchObject({ credits: 2, spent: 0 });
    // a second run changes nothing
    const before = await followUp(w, id);
    await runAt(w, '2026-03-11T10:05:00+08:00');
    expect(await followUp(w, id)).toEqual(before);
  });

  it('holds the spot-check while the homeowner has an open repair, and calls once it is closed', async () => {
    const w = await world();
    await configure(w);
    await repairIn(w, 'r-1', 'accepted');
    const id = await store(w, WARRANTY);
    await runAt(w, '2026-03-11T10:00:00+08:00');
    expect(await followUp(w, id)).toMatchObject({ state: 'pending', hold: 'openIssue' });
    await w.db.collection('repairs').doc('r-1').update({ status: 'confirmed' });
    await runAt(w, '2026-03-12T10:00:00+08:00');
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'spotCheck' });
  });

  it('lists the spot-check to admins and not to customer service, who keep their own phone tasks', async () => {
    const w = await world();
    await configure(w);
    const spot = await store(w, WARRANTY);
    const mid = await store(w, MID);
    await runAt(w, '2026-03-11T10:00:00+08:00');
    const ids = async (who: string) => (await w.call(followup, who, { action: 'calls' })).data.tasks.map((t: { id: string }) => t.id).sort();
    expect(await ids(PEOPLE.admin._id)).toEqual([mid, spot].sort());
    expect(await ids(PEOPLE.cs._id)).toEqual([mid]);
    const task = (await w.call(followup, PEOPLE.admin._id, { action: 'calls' })).data.tasks.find((t: { id: string }) => t.id === spot);
    expect(task).toMatchObject({ reason: 'spotCheck', reasonLabel: '质保期电话抽查（行政人力）' });
  });
});

describe('the dispatch timer: open issues', () => {
  it('holds a stage survey while a repair on the project is open, but sends the after-repair follow-up about that repair', async () => {
    const w = await world();
    await configure(w, { dailyMessageCap: 2 });
    await accept(w, owner._id, 'tpl-stage', 1);
    await accept(w, owner._id, 'tpl-service', 1);
    await repairIn(w, 'r-1', 'reopened');
    const stage = await store(w, MID);
    const after = await store(w, { key: 'afterRepair:r-1', kind: 'afterRepair', dueDate: '2026-03-11', windowEnd: '2026-03-14', subjectId: 'r-1' });
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 1, waiting: 1 });
    expect(await followUp(w, after)).toMatchObject({ state: 'sent', message: { templateId: 'tpl-service' } });
    expect(await followUp(w, stage)).toMatchObject({ state: 'pending', hold: 'openIssue', nextActionAt: at('2026-03-12T10:00:00+08:00') });
    // the repair is confirmed fixed: the next day the stage survey goes
    await w.db.collection('repairs').doc('r-1').update({ status: 'confirmed' });
    expect(await runAt(w, '2026-03-12T10:00:00+08:00')).toMatchObject({ sent: 1 });
    expect(await followUp(w, stage)).toMatchObject({ state: 'sent' });
  });

  it('holds a stage survey while a complaint on the project is open', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    await complaintOn(w, 'c-1');
    const stage = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 0, waiting: 1 });
    expect(await followUp(w, stage)).toMatchObject({ hold: 'openIssue' });
  });
});

describe('the dispatch timer: credits and WeChat', () => {
  it('hands a follow-up to customer service when the homeowner has no credit left, to call in the window', async () => {
    const w = await world();
    await configure(w);
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toEqual({ sent: 0, phoneTasks: 1, waiting: 0, more: false });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'noCredit', callAt: at('2026-03-11T10:00:00+08:00'), nextActionAt: null });
    expect(await outbox(w)).toEqual([]);
  });

  it('hands it to customer service when no template is configured for its purpose', async () => {
    const w = await world();
    await configure(w, { templates: { stageVisit: TEMPLATES.stageVisit } });
    const id = await store(w, { key: 'proxyWarranty', kind: 'proxyWarranty', dueDate: '2026-03-11', windowEnd: '2026-03-26' });
    expect(await runAt(w, '2026-03-11T10:00:00+08:00')).toMatchObject({ phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'noTemplate' });
  });

  it('turns WeChat 43101 (not subscribed) into a phone task and zeroes the credits of that template', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 3);
    const refusing: Messenger = { send: async () => ({ sent: false, errcode: 43101, errmsg: 'user refuse to accept the msg' }) };
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00', { ...w.deps, messenger: refusing })).toMatchObject({ sent: 0, phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'refused', callAt: at('2026-03-11T10:00:00+08:00'), message: { errcode: 43101 } });
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 0, accepted: 3, spent: 1 });
  });

  it('turns any other WeChat refusal into a phone task (sendFailed) with its errcode, logged for the admin', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const errors: unknown[] = [];
    const deps: Deps = { ...w.deps, messenger: { send: async () => ({ sent: false, errcode: 41030, errmsg: 'invalid page' }) }, log: { info: () => undefined, error: (m, f) => errors.push({ m, f }) } };
    const id = await store(w, MID);
    await runAt(w, '2026-03-11T10:00:00+08:00', deps);
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'sendFailed', message: { errcode: 41030 } });
    expect(errors).toEqual([expect.objectContaining({ f: expect.objectContaining({ errcode: 41030 }) })]);
  });

  it('does not send template data WeChat would refuse: a phone task, no credit spent, the field named in the log', async () => {
    const w = await world();
    await configure(w, { templates: { stageVisit: { id: 'tpl-stage', fields: { thing1: 'title', number2: 'project' } } } });
    await accept(w, owner._id, 'tpl-stage', 1);
    const errors: { m: string; f?: Record<string, unknown> }[] = [];
    const deps: Deps = { ...w.deps, log: { info: () => undefined, error: (m, f) => errors.push({ m, f }) } };
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00', deps)).toMatchObject({ sent: 0, phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'sendFailed' });
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 1, spent: 0 });
    expect(await outbox(w)).toEqual([]);
    expect(errors[0].f).toMatchObject({ templateId: 'tpl-stage', fields: { number2: expect.stringContaining('翠湖花园') } });
  });

  it('marks a delivered welcome done: it asks nothing, so nothing is owed after it', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const id = await store(w, WELCOME);
    await runAt(w, '2026-03-11T10:00:00+08:00');
    expect(await followUp(w, id)).toMatchObject({ state: 'done', nextActionAt: null, message: { sentAt: at('2026-03-11T10:00:00+08:00') } });
    expect(await runAt(w, '2026-03-12T00:00:00+08:00')).toMatchObject({ phoneTasks: 0 });
  });
});

describe('the dispatch timer: never two messages for one follow-up', () => {
  it('sends one message when two runs happen at the same time', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 5);
    const id = await store(w, MID);
    w.clock.set('2026-03-11T10:00:00+08:00');
    const runs = await Promise.all([dispatchTimer(w.deps)(), dispatchTimer(w.deps)()]);
    expect(runs[0].sent + runs[1].sent).toBe(1);
    expect(await outbox(w)).toHaveLength(1);
    expect(await followUp(w, id)).toMatchObject({ state: 'sent' });
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 4, spent: 1 });
  });

  it('makes a run killed after claiming a phone task once the claim lapses, and never sends again', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 5);
    // WeChat took the message, but the run died before it heard so
    const outboxOnly = outboxMessenger(w.db, w.clock);
    const dying: Messenger = { send: async (m, key) => { await outboxOnly.send(m, key); throw new Error('function timed out'); } };
    const id = await store(w, MID);
    expect(await runAt(w, '2026-03-11T10:00:00+08:00', { ...w.deps, messenger: dying })).toMatchObject({ sent: 0, phoneTasks: 0 });
    expect(await followUp(w, id)).toMatchObject({ state: 'sending', nextActionAt: at('2026-03-11T10:10:00+08:00') });
    expect(await runAt(w, '2026-03-11T10:05:00+08:00')).toEqual({ sent: 0, phoneTasks: 0, waiting: 0, more: false });
    expect(await runAt(w, '2026-03-11T10:10:00+08:00')).toMatchObject({ sent: 0, phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'sendUnknown', callAt: at('2026-03-11T10:10:00+08:00') });
    for (const iso of ['2026-03-11T15:00:00+08:00', '2026-03-12T10:00:00+08:00', '2026-03-15T00:00:00+08:00']) await runAt(w, iso);
    expect(await outbox(w)).toHaveLength(1);
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 4, spent: 1 });
  });

  it('hands a claim left by a crashed run (an old claimedAt) to customer service without sending', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const claimedAt = at('2026-03-11T10:00:00+08:00');
    const id = await store(w, MID, 'p-cuihu', {
      state: 'sending', nextActionAt: claimedAt + 10 * 60_000, message: { templateId: 'tpl-stage', claimedAt, sentAt: null, errcode: null },
    });
    expect(await runAt(w, '2026-03-11T15:00:00+08:00')).toMatchObject({ sent: 0, phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'sendUnknown' });
    expect(await outbox(w)).toEqual([]);
  });
});

describe('the dispatch timer: the end of the window', () => {
  it('makes a sent follow-up not answered by the end of its window a phone task, called the next morning', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const id = await store(w, MID);
    await runAt(w, '2026-03-11T10:00:00+08:00');
    expect(await runAt(w, '2026-03-14T23:55:00+08:00')).toMatchObject({ phoneTasks: 0 });
    expect(await runAt(w, '2026-03-15T00:00:00+08:00')).toMatchObject({ phoneTasks: 1 });
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'unanswered', callAt: at('2026-03-15T10:00:00+08:00') });
  });

  it('makes a follow-up that could not be sent in its window a phone task at the close (windowMissed)', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const id = await store(w, WELCOME);
    // the deposit was recorded after the last window of the day
    await runAt(w, '2026-03-11T18:00:00+08:00');
    expect(await followUp(w, id)).toMatchObject({ state: 'pending', nextActionAt: at('2026-03-12T00:00:00+08:00') });
    await runAt(w, '2026-03-12T00:00:00+08:00');
    expect(await followUp(w, id)).toMatchObject({ state: 'phoneTask', phoneReason: 'windowMissed', callAt: at('2026-03-12T10:00:00+08:00') });
    expect(await credits(w, 'owner-li', 'tpl-stage')).toMatchObject({ credits: 1 });
  });
});

describe('the dispatch timer: bounded work', () => {
  it(`looks at no more than ${MAX_PAGES} pages of ${PAGE} per run, says there is more, and the next run goes on`, async () => {
    const w = await world();
    for (let i = 0; i < MAX_PAGES * PAGE + 10; i++) await store(w, { ...MID, key: `bulk-${i}` });
    const first = await runAt(w, '2026-03-11T10:00:00+08:00');
    expect(first).toEqual({ sent: 0, phoneTasks: MAX_PAGES * PAGE, waiting: 0, more: true });
    expect(await runAt(w, '2026-03-11T10:05:00+08:00')).toEqual({ sent: 0, phoneTasks: 10, waiting: 0, more: false });
  });

  it('leaves exactly one message per follow-up in the outbox, with its template id and fields within WeChat\'s limits', async () => {
    const w = await world();
    await configure(w, { dailyMessageCap: 2 });
    await accept(w, owner._id, 'tpl-stage', 2);
    await accept(w, owner._id, 'tpl-warranty', 1);
    await accept(w, otherOwner._id, 'tpl-stage', 1);
    await w.db.collection('projects').doc('p-binjiang').update({ name: '滨江壹号国际公寓豪华样板间 8 幢 601 室（精装修）' });
    const ids = [
      await store(w, MID), await store(w, CONCEALED),
      await store(w, { key: 'proxyWarranty', kind: 'proxyWarranty', dueDate: '2026-03-11', windowEnd: '2026-03-26' }),
      await store(w, MID, 'p-binjiang'),
    ];
    for (const iso of ['2026-03-11T10:00:00+08:00', '2026-03-11T10:05:00+08:00', '2026-03-11T15:00:00+08:00', '2026-03-12T10:00:00+08:00', '2026-03-12T10:05:00+08:00']) {
      await runAt(w, iso);
    }
    const messages = await outbox(w);
    expect(messages.map((m) => m._id).sort()).toEqual([...ids].sort());
    for (const m of messages) {
      const f = await followUp(w, m._id);
      expect(f.state).toBe('sent');
      expect(m.templateId).toBe(f.message.templateId);
      expect(m.templateId).toBe(f.kind === 'proxyWarranty' ? 'tpl-warranty' : 'tpl-stage');
      expect(checkTemplateData(m.data)).toEqual({});
    }
    expect(messages.find((m) => m.touser === otherOwner._id).data.thing2.value).toHaveLength(20);
  });
});

/**
 * `n` homeowners, each with a project and a mid-stage follow-up due on 2026-03-11; the first
 * `withCredit` of them accepted the stage template once. Two thirds of the projects have an open repair.
 */
async function crowd(w: World, n: number, withCredit: number): Promise<string[]> {
  const db = stores(w.db);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const homeownerId = `owner-${i}`;
    await db.users.put({ _id: homeownerId, name: `业主${i}`, phone: `1380000${String(i).padStart(4, '0')}`, roles: ['homeowner'] });
    const project = { ...PROJECTS[0], _id: `p-${i}`, name: `翠湖花园 ${i} 号`, homeownerId };
    await db.projects.put(project);
    if (i < withCredit) await db.contacts.put(grantCredit(null, homeownerId, 'tpl-stage', at('2026-03-01T10:00:00+08:00')));
    if (i % 3 !== 0) await repairIn(w, `r-${i}`, 'submitted', project);
    ids.push(await store(w, { ...MID, key: `mid-${i}` }, 'p-cuihu', { projectId: project._id, homeownerId }));
  }
  return ids;
}

describe('the dispatch timer: round trips to the database', () => {
  for (const pageSize of [25, 50, 100]) {
    it(`reads each page of ${pageSize} in at most 8 queries, and writes at most twice per follow-up besides the message`, async () => {
      const w = await world();
      await configure(w);
      // 120 follow-ups: 40 sent (credit, no open repair), the rest held by an open repair or made phone tasks
      await crowd(w, 120, 120);
      const counting = countingDatabase(w.db);
      w.clock.set('2026-03-11T10:00:00+08:00');
      const run = await dispatchTimer({ ...w.deps, db: counting.db }, { pageSize, maxPages: 10 })();
      expect(run).toEqual({ sent: 40, phoneTasks: 0, waiting: 80, more: false });
      const pages = Math.ceil(120 / pageSize) + (120 % pageSize === 0 ? 1 : 0);
      const settingsReads = 1;
      expect(counting.counts.reads - settingsReads).toBeLessThanOrEqual(8 * pages);
      expect(counting.counts.writes).toBeLessThanOrEqual(2 * 40 + 80);
      expect(counting.counts.transactions).toBe(0);
      expect(await outbox(w)).toHaveLength(40);
    });
  }
});

describe('the dispatch timer: the time budget', () => {
  it('stops mid-page when its budget is spent, and the next run finishes the page without sending anything twice', async () => {
    const w = await world();
    await configure(w);
    const ids = await crowd(w, 30, 30);
    // every third homeowner has no open repair: 10 messages are owed, the other 20 are held
    let looks = 0;
    // the budget is checked before the page and before each follow-up: it runs out before the 8th follow-up
    const elapsed = () => (looks++ >= 8 ? 60_000 : 0);
    w.clock.set('2026-03-11T10:00:00+08:00');
    const first = await dispatchTimer(w.deps, { elapsed })();
    expect(first.more).toBe(true);
    expect(first.sent + first.waiting).toBe(7);
    const second = await runAt(w, '2026-03-11T10:00:30+08:00');
    expect(second.more).toBe(false);
    expect(first.sent + second.sent).toBe(10);
    expect(first.waiting + second.waiting).toBe(20);
    const messages = await outbox(w);
    expect(messages).toHaveLength(10);
    expect(new Set(messages.map((m) => m._id)).size).toBe(10);
    for (const m of messages) expect(ids).toContain(m._id);
    for (const m of messages) expect(await credits(w, m.touser, 'tpl-stage')).toEqual({ credits: 0, accepted: 1, spent: 1 });
  });
});

describe('the dispatch timer: a damaged document', () => {
  it('logs a follow-up that does not match its schema, naming its fields, and dispatches the others', async () => {
    const w = await world();
    await configure(w);
    await accept(w, owner._id, 'tpl-stage', 1);
    const good = await store(w, MID);
    // written by hand in the console: a state the product does not know, due first
    await w.db.collection('followups').doc('broken').set({ projectId: 'p-cuihu', homeownerId: owner._id, state: 'lost', nextActionAt: at('2026-03-01T00:00:00+08:00') });
    const errors: { message: string; fields?: Record<string, unknown> }[] = [];
    const deps = { ...w.deps, log: { info: () => undefined, error: (message: string, fields?: Record<string, unknown>) => errors.push({ message, fields }) } };
    expect(await runAt(w, '2026-03-11T10:00:00+08:00', deps)).toMatchObject({ sent: 1 });
    expect(await followUp(w, good)).toMatchObject({ state: 'sent' });
    expect(errors).toHaveLength(1);
    expect(errors[0].fields).toMatchObject({ collection: 'followups', id: 'broken' });
    expect(String(errors[0].fields?.problems)).toContain('state');
  });
});
