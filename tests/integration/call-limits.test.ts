import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { phoneTaskFollowUp } from '@shared/followup/dispatch';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { cs } = PEOPLE;

async function phoneTask(w: World): Promise<string> {
  const id = followUpId(PROJECTS[0]._id, 'midStage');
  const f = { _id: id, ...newFollowUp(PROJECTS[0], { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' }, w.clock.now()) };
  const { _id, ...task } = phoneTaskFollowUp(f, 'noCredit', w.clock.now(), w.clock.now());
  await w.db.collection('followups').doc(_id).set(task);
  return id;
}

const log = (w: World, followUpId: string, outcome: string) => w.call(followup, cs._id, { action: 'logCall', followUpId, outcome });

describe('calls: a limit per follow-up and a minimum spacing, but a dropped call is redialled at once', () => {
  it('refuses a second call within the hour after 未接通, writing nothing, and says so on the task', async () => {
    const w = await world('2026-03-11T10:00:00+08:00');
    const id = await phoneTask(w);
    expect(await log(w, id, 'unreachable')).toMatchObject({ ok: true });
    w.clock.set('2026-03-11T10:20:00+08:00');
    const before = await snapshot(w.db, 'followups');
    expect(await log(w, id, 'unreachable')).toMatchObject({ ok: false, code: 'FOLLOWUP.TOO_SOON' });
    expect(await snapshot(w.db, 'followups')).toEqual(before);
    const task = await w.call(followup, cs._id, { action: 'call', followUpId: id });
    expect(task.data.task).toMatchObject({ callableFrom: at('2026-03-11T11:00:00+08:00'), callsLeft: 2 });
  });

  it('a dropped call can be redialled at once, and after three calls that did not reach the homeowner the task closes', async () => {
    const w = await world('2026-03-11T10:00:00+08:00');
    const id = await phoneTask(w);
    expect(await log(w, id, 'dropped')).toMatchObject({ ok: true, data: { task: { state: 'phoneTask', callAt: at('2026-03-11T10:00:00+08:00') } } });
    w.clock.set('2026-03-11T10:01:00+08:00');
    expect(await log(w, id, 'unreachable')).toMatchObject({ ok: true, data: { task: { state: 'phoneTask' } } });
    w.clock.set('2026-03-11T15:00:00+08:00');
    expect(await log(w, id, 'unreachable')).toMatchObject({ ok: true, data: { task: { state: 'done', callAt: null } } });
    expect((await w.call(followup, cs._id, { action: 'calls' })).data.tasks).toEqual([]);
  });

  it('the limit and the spacing come from settings/followup', async () => {
    const w = await world('2026-03-11T10:00:00+08:00');
    await w.db.collection('settings').doc('followup').set({ maxCallAttempts: 1, minCallSpacingMinutes: 10 });
    const id = await phoneTask(w);
    expect(await log(w, id, 'unreachable')).toMatchObject({ ok: true, data: { task: { state: 'done' } } });
  });
});
