/** The CloudBase entry of a timer (cloudTimer in _platform/cloud.ts): a trigger sweeps, an action is called. */
import { ok } from '@shared/core/result';
import { cloudTimer } from '../../cloudfunctions/_platform/cloud';

describe('cloudTimer', () => {
  const sweeps: string[] = [];
  const calls: unknown[] = [];
  const main = cloudTimer(
    () => async () => {
      sweeps.push('swept');
      return { sent: 0 };
    },
    () => async (event) => {
      calls.push(event);
      return ok('called');
    },
  );

  beforeEach(() => {
    sweeps.length = 0;
    calls.length = 0;
  });

  it('a timer trigger (an event without an action) runs the sweep, and never the actions', async () => {
    expect(await main({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-03-11T02:00:00Z' }, {})).toEqual({ sent: 0 });
    expect(await main(null, {})).toEqual({ sent: 0 });
    expect(sweeps).toEqual(['swept', 'swept']);
    expect(calls).toEqual([]);
  });

  it('an event that names an action goes to the function\'s actions, and never sweeps', async () => {
    expect(await main({ action: 'sendTestMessage', purpose: 'stageVisit' }, {})).toEqual({ ok: true, data: 'called' });
    expect(calls).toEqual([{ action: 'sendTestMessage', purpose: 'stageVisit' }]);
    expect(sweeps).toEqual([]);
  });

  it('without actions, an event naming one still only sweeps (escalate)', async () => {
    const only: string[] = [];
    const sweepOnly = cloudTimer(() => async () => only.push('swept'));
    await sweepOnly({ action: 'sendTestMessage' }, {});
    expect(only).toEqual(['swept']);
  });
});
