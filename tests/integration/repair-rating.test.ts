import { adminFunction } from '../../cloudfunctions/admin/handler';
import { complaintFunction as complaint } from '../../cloudfunctions/complaint/handler';
import { repairFunction as repair } from '../../cloudfunctions/repair/handler';
import { surveyFunction as survey } from '../../cloudfunctions/survey/handler';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { PEOPLE, snapshot, world, type World } from './harness';

const { owner, otherOwner, sm, engManager } = PEOPLE;

const HAPPY = { score: 5, contactedWithin24h: true, timeAgreed: true, planAgreed: true, satisfied: true, comment: '' };

/** A plumbing repair filed, worked, resolved with a photo and confirmed: ready to be rated. */
async function confirmedRepair(w: World): Promise<string> {
  const created = await w.call(repair, owner._id, {
    action: 'create', projectId: 'p-cuihu', category: 'plumbing', description: '厨房水槽下面一直在滴水', photos: [],
    preferredVisit: { date: '2026-03-01', slot: 'afternoon' },
  });
  const ticketId = created.data.ticket.id as string;
  await w.call(repair, sm._id, { action: 'accept', ticketId });
  await w.call(repair, sm._id, { action: 'arrive', ticketId });
  const photo = w.files.add('local://uploads/ffffffffffffffffffffffff.jpg');
  expect(await w.call(repair, sm._id, { action: 'resolve', ticketId, note: '更换了角阀', photos: [photo] })).toMatchObject({ ok: true });
  expect(await w.call(repair, owner._id, { action: 'confirm', ticketId })).toMatchObject({ ok: true });
  return ticketId;
}

const complaints = async (w: World) => (await snapshot(w.db, 'complaints')) as any[];

describe('a repair rated 2 or less opens a complaint (DOMAIN §4)', () => {
  it('a score of 2 opens one construction-quality complaint on the repair channel, naming the project manager, routed to engineering', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    const rated = await w.call(repair, owner._id, { action: 'rate', ticketId, ...HAPPY, score: 2, comment: '修了三次才好' });
    expect(rated).toMatchObject({ ok: true, data: { ticket: { rating: { score: 2 } } } });
    const [c, ...more] = await complaints(w);
    expect(more).toEqual([]);
    expect(c).toMatchObject({
      _id: `repair-rating-${ticketId}-constructionQuality`,
      homeownerId: owner._id, projectId: 'p-cuihu', category: 'constructionQuality', department: 'engineering', channel: 'repair',
      source: { kind: 'repair', id: ticketId }, staff: { role: 'projectManager', id: sm._id, name: '张建国' }, status: 'forwarded',
    });
    expect(c.description).toContain('2 分（不满意）');
    expect(c.description).toContain('修了三次才好');
    expect(c.description).toContain('厨房水槽下面一直在滴水');
    // the department manager finds it in the queue
    const queue = await w.call(complaint, engManager._id, { action: 'queue' });
    expect(queue.data.complaints.map((x: { id: string }) => x.id)).toContain(c._id);
  });

  it('a rating sent again opens nothing twice and changes nothing', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    const low = { action: 'rate', ticketId, ...HAPPY, score: 1, contactedWithin24h: false };
    expect(await w.call(repair, owner._id, low)).toMatchObject({ ok: true });
    const [tickets, opened] = [await snapshot(w.db, 'repairs'), await complaints(w)];
    expect(opened.map((c) => c.category).sort()).toEqual(['constructionQuality', 'serviceAttitude']);
    expect(await w.call(repair, owner._id, low)).toMatchObject({ ok: true });
    expect(await snapshot(w.db, 'repairs')).toEqual(tickets);
    expect(await complaints(w)).toEqual(opened);
    // a different rating is not a retry: a ticket is rated once
    expect(await w.call(repair, owner._id, { ...low, score: 5 })).toMatchObject({ ok: false, code: 'REPAIR.WRONG_STATUS' });
  });

  it('a rating of 3 or more with every check answered yes opens no complaint', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    expect(await w.call(repair, owner._id, { action: 'rate', ticketId, ...HAPPY, score: 3 })).toMatchObject({ ok: true });
    expect(await complaints(w)).toEqual([]);
  });

  it('only the ticket’s homeowner can rate it: anyone else is refused and nothing is opened', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    expect(await w.call(repair, otherOwner._id, { action: 'rate', ticketId, ...HAPPY, score: 0 })).toMatchObject({ ok: false, code: 'REPAIR.NOT_FOUND' });
    expect(await w.call(repair, sm._id, { action: 'rate', ticketId, ...HAPPY, score: 0 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await complaints(w)).toEqual([]);
  });
});

describe('the after-repair survey does not ask again what the rating answered', () => {
  it('the rating answers the after-repair follow-up: its survey is no longer answerable and shows the rating’s answers', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    const fid = `p-cuihu--afterRepair-${ticketId}`;
    expect((await w.db.collection('followups').doc(fid).get()).data[0]).toMatchObject({ state: 'pending' });
    await w.call(repair, owner._id, { action: 'rate', ticketId, ...HAPPY, score: 4, comment: '师傅很专业' });
    expect((await w.db.collection('followups').doc(fid).get()).data[0]).toMatchObject({ state: 'answered', nextActionAt: null });
    expect((await w.db.collection('surveyAnswers').doc(fid).get()).data[0]).toMatchObject({
      stage: 'afterRepair', score: 4, channel: 'miniProgram', by: owner._id,
      answers: { contactedIn24h: 'yes', timeAgreed: 'yes', planAgreed: 'yes', result: 'good', overall: 4, improve: '师傅很专业' },
    });
    w.clock.set('2026-03-02T10:30:00+08:00'); // the follow-up's window has opened
    const asked = await w.call(survey, owner._id, { action: 'get', followUpId: fid });
    expect(asked).toMatchObject({ ok: true, data: { answerable: false, answers: { overall: 4 } } });
  });

  it('a low rating’s complaints are the follow-up’s: the survey record names them, and nothing is opened again for it', async () => {
    const w = await world();
    const ticketId = await confirmedRepair(w);
    await w.call(repair, owner._id, { action: 'rate', ticketId, ...HAPPY, score: 2 });
    const record = (await w.db.collection('surveyAnswers').doc(`p-cuihu--afterRepair-${ticketId}`).get()).data[0] as any;
    expect(record.complaintIds).toEqual([`repair-rating-${ticketId}-constructionQuality`]);
    expect(record.complaintsOpenedAt).not.toBeNull();
  });

  it('when the questionnaire asks more than the rating, the rating’s answers are kept as a draft and only the rest is asked', async () => {
    const w = await world();
    const base = DEFAULT_SURVEYS.afterRepair;
    const extra = { id: 'cleanedUp', type: 'yesNo', text: '维修后现场清理干净了吗？', required: true, topic: 'civilisedSite', problemWhen: 'no' };
    // proposed by one admin, approved by another (004 4.5)
    await w.db.collection('users').doc('admin-qian').set({ name: '钱主任', phone: '13700137008', roles: ['admin'] });
    const proposed = await w.call(adminFunction, PEOPLE.admin._id, {
      action: 'proposeSurvey', stage: 'afterRepair', title: base.title, intro: base.intro,
      sections: [{ ...base.sections[0], questions: [...base.sections[0].questions, extra] }, base.sections[1]],
    });
    expect(proposed).toMatchObject({ ok: true });
    const published = await w.call(adminFunction, 'admin-qian', { action: 'approveSurvey', proposalId: proposed.data.proposal._id });
    expect(published).toMatchObject({ ok: true });
    const ticketId = await confirmedRepair(w);
    await w.call(repair, owner._id, { action: 'rate', ticketId, ...HAPPY });
    const f = (await w.db.collection('followups').doc(`p-cuihu--afterRepair-${ticketId}`).get()).data[0] as any;
    expect(f.state).toBe('pending');
    expect(f.draft).toEqual({ contactedIn24h: 'yes', timeAgreed: 'yes', planAgreed: 'yes', result: 'good', overall: 5 });
  });
});
