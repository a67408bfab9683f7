import { projectFunction as project } from '../../cloudfunctions/project/handler';
import { PEOPLE, world } from './harness';

describe('project.search', () => {
  it('finds a project by the homeowner’s full mobile number, with the phone masked', async () => {
    const w = await world();
    const r = await w.call(project, PEOPLE.cs._id, { action: 'search', query: '13800138001' });
    expect(r.data.projects).toEqual([
      { id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室', homeownerName: '李女士', homeownerPhone: '138****8001', siteManagerName: '张建国' },
    ]);
  });

  it('finds projects by the beginning of their name, and nothing for a name in the middle', async () => {
    const w = await world();
    expect((await w.call(project, PEOPLE.cs._id, { action: 'search', query: '滨江' })).data.projects.map((p: { id: string }) => p.id)).toEqual(['p-binjiang']);
    expect((await w.call(project, PEOPLE.cs._id, { action: 'search', query: '花园' })).data.projects).toEqual([]);
  });

  it('writes each hit to the audit log as a staff read of the homeowner’s data', async () => {
    const w = await world();
    await w.call(project, PEOPLE.cs._id, { action: 'search', query: '翠湖' });
    const log = (await w.db.collection('auditLog').where({ viewerId: PEOPLE.cs._id }).limit(10).get()).data;
    expect(log).toEqual([expect.objectContaining({ subjectId: 'owner-li', record: 'projects/p-cuihu' })]);
  });

  it('is for staff who take calls only, and asks for at least two characters', async () => {
    const w = await world();
    expect(await w.call(project, PEOPLE.owner._id, { action: 'search', query: '翠湖' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(project, PEOPLE.sm._id, { action: 'search', query: '翠湖' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await w.call(project, PEOPLE.cs._id, { action: 'search', query: '翠' })).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { query: '请至少输入 2 个字' } });
  });
});
