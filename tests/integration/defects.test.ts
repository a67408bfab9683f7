import { followUpFunction as followup } from '../../cloudfunctions/followup/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { surveyFunction as survey } from '../../cloudfunctions/survey/handler';
import { phoneTaskFollowUp } from '@shared/followup/dispatch';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import type { FollowUpKind } from '@shared/followup/schedule';
import { questionsOf, type Answers, type SurveyStage } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { PEOPLE, PROJECTS, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, sm, otherSm, engManager, cs, admin } = PEOPLE;
const [cuihu] = PROJECTS;

/** Every required question answered content, with `over` on top. */
function content(stage: SurveyStage, over: Answers = {}): Answers {
  const a: Answers = {};
  for (const q of questionsOf(DEFAULT_SURVEYS[stage]).filter((x) => x.required)) {
    a[q.id] = q.type === 'rating' ? 'good' : q.type === 'score' ? 5 : q.type === 'count' ? 3 : q.type === 'defect' ? 'none' : q.problemWhen === 'yes' ? 'no' : 'yes';
  }
  return { ...a, ...over };
}

async function sentFollowUp(w: World, kind: FollowUpKind, state: 'sent' | 'phoneTask' = 'sent'): Promise<string> {
  const id = followUpId(cuihu._id, kind);
  const f = { _id: id, ...newFollowUp(cuihu, { key: kind, kind, dueDate: '2026-03-01', windowEnd: '2026-03-10' }, w.clock.now()) };
  const { _id, ...doc } = state === 'phoneTask' ? phoneTaskFollowUp(f, 'noCredit', w.clock.now(), w.clock.now()) : { ...f, state };
  await w.db.collection('followups').doc(_id).set(doc);
  return id;
}

const repairs = async (w: World) => (await snapshot(w.db, 'repairs')) as any[];

describe('a construction defect found in a follow-up opens a repair ticket (DOMAIN §11)', () => {
  it('a survey answer naming electrics opens an electrical repair for the site manager: on site within 4 hours of the answer, contact within 24, tracked by customer service, no complaint', async () => {
    const w = await world('2026-03-02T10:00:00+08:00');
    const id = await sentFollowUp(w, 'completion');
    const r = await w.call(survey, owner._id, { action: 'submit', followUpId: id, answers: content('completion', { stillToFix: 'electrical', stillToFixDetail: '卫生间插座一用吹风机就跳闸' }) });
    expect(r).toMatchObject({ ok: true, data: { complaints: [], repairs: [{ id: `${id}-repair-stillToFix`, category: 'electrical', onSiteHours: 4, contactHours: 24 }] } });
    const [t, ...more] = await repairs(w);
    expect(more).toEqual([]);
    expect(t).toMatchObject({
      _id: `${id}-repair-stillToFix`, projectId: 'p-cuihu', homeownerId: owner._id, siteManagerId: sm._id, department: 'engineering', category: 'electrical',
      status: 'submitted', preferredVisit: null, tracked: true, source: { kind: 'survey', followUpId: id, questionId: 'stillToFix', loggedBy: null },
      deadlines: { contactBy: at('2026-03-03T10:00:00+08:00'), onSiteBy: at('2026-03-02T14:00:00+08:00') },
    });
    expect(t.description).toContain('卫生间插座一用吹风机就跳闸');
    expect(await snapshot(w.db, 'complaints')).toEqual([]);
    // the site manager has it in his queue; customer service tracks it; the department manager and site manager are told
    expect((await w.call(repair, sm._id, { action: 'queue' })).data.tickets.map((x: { id: string }) => x.id)).toEqual([t._id]);
    expect((await w.call(repair, cs._id, { action: 'tracked' })).data.tickets).toEqual([expect.objectContaining({ id: t._id, siteManagerName: '张建国' })]);
    const told = ((await snapshot(w.db, 'notices')) as any[]).map((n) => [n.to, n.kind]);
    expect(told).toEqual(expect.arrayContaining([[sm._id, 'repair.assigned'], [engManager._id, 'repair.assigned']]));
    // the homeowner sees it among her repairs, saying where it came from
    const mine = await w.call(repair, owner._id, { action: 'get', ticketId: t._id });
    expect(mine.data.ticket).toMatchObject({ source: { kind: 'survey', label: '回访问卷中发现' }, preferredVisitLabel: expect.stringContaining('约定上门时间') });
  });

  it('other defects get the 24-hour on-site promise; an answer of 没有 opens nothing', async () => {
    const w = await world('2026-03-02T10:00:00+08:00');
    const id = await sentFollowUp(w, 'warranty');
    await w.call(survey, owner._id, { action: 'submit', followUpId: id, answers: content('warranty', { anyProblems: 'tiling' }) });
    expect((await repairs(w))[0]).toMatchObject({ category: 'tiling', deadlines: { onSiteBy: at('2026-03-03T10:00:00+08:00') } });
    const w2 = await world('2026-03-02T10:00:00+08:00');
    const id2 = await sentFollowUp(w2, 'warranty');
    expect(await w2.call(survey, owner._id, { action: 'submit', followUpId: id2, answers: content('warranty') })).toMatchObject({ ok: true, data: { repairs: [] } });
    expect(await repairs(w2)).toEqual([]);
  });

  it('a retried submission opens the repair once', async () => {
    const w = await world('2026-03-02T10:00:00+08:00');
    const id = await sentFollowUp(w, 'completion');
    const event = { action: 'submit', followUpId: id, answers: content('completion', { stillToFix: 'plumbing' }) };
    await w.call(survey, owner._id, event);
    const first = await repairs(w);
    expect(await w.call(survey, owner._id, event)).toMatchObject({ ok: true, data: { repairs: [{ id: first[0]._id }] } });
    expect(await repairs(w)).toEqual(first);
  });

  it('a defect told to customer service on the phone opens the repair too, logged by the agent', async () => {
    const w = await world('2026-03-02T10:00:00+08:00');
    const id = await sentFollowUp(w, 'warranty', 'phoneTask');
    const r = await w.call(followup, cs._id, { action: 'logCall', followUpId: id, outcome: 'answered', answers: content('warranty', { anyProblems: 'plumbing', problemDetail: '厨房水槽下面渗水' }) });
    expect(r).toMatchObject({ ok: true, data: { repairs: [{ category: 'plumbing', onSiteHours: 4 }] } });
    const [t] = await repairs(w);
    expect(t).toMatchObject({ source: { kind: 'phone', loggedBy: cs._id }, tracked: true, history: [{ type: 'submit', by: cs._id, role: 'customerService' }] });
  });

  it('only customer service and admins see the tracked list', async () => {
    const w = await world();
    expect(await w.call(repair, cs._id, { action: 'tracked' })).toMatchObject({ ok: true });
    expect(await w.call(repair, admin._id, { action: 'tracked' })).toMatchObject({ ok: true });
    for (const who of [owner, sm, otherSm, engManager]) expect(await w.call(repair, who._id, { action: 'tracked' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('refuses a defect answer that is not 没有 or a repair category, naming the question', async () => {
    const w = await world('2026-03-02T10:00:00+08:00');
    const id = await sentFollowUp(w, 'completion');
    const r = await w.call(survey, owner._id, { action: 'submit', followUpId: id, answers: content('completion', { stillToFix: 'yes' }) });
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'answers.stillToFix': '请选择“没有”或需要维修的类别' } });
    expect(await repairs(w)).toEqual([]);
  });
});
