import { meFunction as me } from '../../cloudfunctions/me/handler';
import { PEOPLE, world } from './harness';

describe('me.whoami', () => {
  it('tells a homeowner who they are and lists only their own projects', async () => {
    const w = await world();
    const r = await w.call(me, PEOPLE.owner._id, { action: 'whoami' });
    expect(r).toMatchObject({ ok: true, data: { user: { id: 'owner-li', name: '李女士', roles: ['homeowner'], department: null } } });
    expect(r.data.projects).toEqual([
      expect.objectContaining({ id: 'p-cuihu', name: '翠湖花园 3-1201', siteManagerName: '张建国', milestones: { started: '2026-02-20' } }),
    ]);
  });

  it('lists the sites a site manager runs', async () => {
    const w = await world();
    const r = await w.call(me, PEOPLE.otherSm._id, { action: 'whoami' });
    expect(r.data.projects.map((p: { id: string }) => p.id)).toEqual(['p-binjiang']);
  });

  it('refuses a caller the product does not know, and one without a WeChat identity', async () => {
    const w = await world();
    expect(await w.call(me, 'someone-else', { action: 'whoami' })).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    expect(await w.call(me, null, { action: 'whoami' })).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
  });
});
