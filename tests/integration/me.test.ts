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

describe('one hotline and one set of desk hours, from settings, everywhere', () => {
  it('serves the hotline and desk hours of settings/followup, and the repair promise of settings/repair, to every role', async () => {
    const w = await world();
    await w.db.collection('settings').doc('followup').set({ hotline: '400-820-1234', deskHours: '24 小时服务', enquiryReplyWithinHours: 12 });
    await w.db.collection('settings').doc('repair').set({ contactWithinHours: 12, onSiteWithinHours: { plumbing: 3, electrical: 2 } });
    for (const who of Object.values(PEOPLE)) {
      const r = await w.call(me, who._id, { action: 'whoami' });
      expect(r.data.service).toEqual({
        hotline: '400-820-1234', deskHours: '24 小时服务', contactHours: 12, enquiryReplyHours: 12, repairPromise: '报修后 12 小时内联系您；漏水、断电等水电问题 2 小时内上门',
      });
    }
  });

  it('the desk is on duty 24 hours by default (seed 004 5.1.1)', async () => {
    const w = await world();
    const r = await w.call(me, PEOPLE.owner._id, { action: 'whoami' });
    expect(r.data.service).toMatchObject({ deskHours: '24 小时服务', enquiryReplyHours: 24, repairPromise: '报修后 24 小时内联系您；漏水、断电等水电问题 4 小时内上门' });
  });
});
