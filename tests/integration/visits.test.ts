/** DOMAIN §11: site photos archived during construction and after completion, and on-site visits signed by the homeowner. */
import { privacyFunction as privacy } from '../../cloudfunctions/privacy/handler';
import { projectFunction as project } from '../../cloudfunctions/project/handler';
import { retentionTimer } from '../../cloudfunctions/retention/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

const at = (iso: string) => new Date(iso).getTime();
const { owner, otherOwner, sm, otherSm, engManager, designManager, cs, gm, admin } = PEOPLE;

const PHOTO_A = 'local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg';
const PHOTO_B = 'local://uploads/bbbbbbbbbbbbbbbbbbbbbbbb.jpg';
const SIGNATURE = 'local://uploads/cccccccccccccccccccccccc.png';

function photosEvent(w: World, extra: Record<string, unknown> = {}) {
  return {
    action: 'recordVisit', kind: 'photos', projectId: 'p-cuihu',
    photos: [w.files.add(PHOTO_A), w.files.add(PHOTO_B)], note: '水电开槽完成，线管走向如图', ...extra,
  };
}

function visitEvent(w: World, extra: Record<string, unknown> = {}) {
  return {
    action: 'recordVisit', kind: 'visit', projectId: 'p-cuihu', photos: [w.files.add(PHOTO_A)],
    remarks: '对工人很满意，希望卫生间防水再做一次闭水试验', satisfaction: 4, signature: w.files.add(SIGNATURE, 'image/png', 12_000), ...extra,
  };
}

const visitsOf = (w: World) => snapshot(w.db, 'siteVisits');

describe('project.recordVisit: 现场拍照存档', () => {
  it('the site manager of the project archives photos of the site, named, dated and staged from the milestones', async () => {
    const w = await world();
    const r = await w.call(project, sm._id, photosEvent(w));
    expect(r).toMatchObject({
      ok: true,
      data: { visit: { kind: 'photos', kindLabel: '现场拍照存档', stage: 'construction', stageLabel: '施工期间', photos: [PHOTO_A, PHOTO_B], signature: null, byName: '张建国', at: at('2026-03-01T10:00:00+08:00') } },
    });
    expect(await visitsOf(w)).toEqual([
      expect.objectContaining({ kind: 'photos', projectId: 'p-cuihu', homeownerId: owner._id, stage: 'construction', note: '水电开槽完成，线管走向如图', byId: sm._id, byName: '张建国', signature: null }),
    ]);
  });

  it('photos taken once completion is recorded are archived as after completion', async () => {
    const w = await world();
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2026-02-20', completed: '2026-02-28' } });
    const r = await w.call(project, sm._id, photosEvent(w));
    expect(r.data.visit).toMatchObject({ stage: 'completed', stageLabel: '竣工验收后' });
  });

  it('there is nothing to archive before work starts: refused, nothing written', async () => {
    const w = await world();
    const r = await w.call(project, otherSm._id, photosEvent(w, { projectId: 'p-binjiang' }));
    expect(r).toMatchObject({ ok: false, code: 'PROJECT.NOT_STARTED' });
    expect(await visitsOf(w)).toEqual([]);
  });

  it('archiving needs at least one photo and a note, each refusal naming its field in Chinese', async () => {
    const w = await world();
    const r = await w.call(project, sm._id, photosEvent(w, { photos: [], note: '' }));
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { photos: '请至少拍 1 张现场照片', note: '照片说明请至少写 2 个字' } });
    expect(await visitsOf(w)).toEqual([]);
  });
});

describe('project.recordVisit: 上门回访 carries the homeowner’s signature', () => {
  it('stores the visit with what the homeowner said, their score and their signature', async () => {
    const w = await world();
    const r = await w.call(project, cs._id, visitEvent(w));
    expect(r).toMatchObject({ ok: true, data: { visit: { kind: 'visit', kindLabel: '上门回访', signature: SIGNATURE, satisfaction: 4, byName: '徐客服' } } });
    expect(await visitsOf(w)).toEqual([
      expect.objectContaining({ kind: 'visit', note: '对工人很满意，希望卫生间防水再做一次闭水试验', satisfaction: 4, signature: SIGNATURE, byId: cs._id, byName: '徐客服', photos: [PHOTO_A] }),
    ]);
  });

  it('a visit without the homeowner’s signature is refused on the field signature, and writes nothing', async () => {
    const w = await world();
    const { signature: _none, ...unsigned } = visitEvent(w);
    const r = await w.call(project, sm._id, unsigned);
    expect(r).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { signature: '上门回访需要业主签名：请业主在手机上签名后再提交' } });
    expect(await visitsOf(w)).toEqual([]);
  });

  it('a signature that was never uploaded, or is not the signature pad’s PNG, is refused and writes nothing', async () => {
    const w = await world();
    const missing = await w.call(project, sm._id, visitEvent(w, { signature: 'local://uploads/dddddddddddddddddddddddd.png' }));
    expect(missing).toMatchObject({ ok: false, code: 'FILE.NOT_FOUND', fields: { signature: '签名不存在' } });
    const jpeg = await w.call(project, sm._id, visitEvent(w, { signature: w.files.add('local://uploads/eeeeeeeeeeeeeeeeeeeeeeee.jpg') }));
    expect(jpeg).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE', fields: { signature: '签名应为签名板导出的 PNG 图片' } });
    expect(await visitsOf(w)).toEqual([]);
  });

  it('photos and signatures from outside the product’s folders are refused, and nothing is written', async () => {
    const w = await world();
    const foreign = w.files.add('cloud://env-1a2b.bucket-1300000000/exports/all-homeowners.png', 'image/png');
    const photo = await w.call(project, sm._id, photosEvent(w, { photos: [foreign] }));
    expect(photo).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { 'photos.0': '图片地址无效，请重新上传' } });
    const signature = await w.call(project, sm._id, visitEvent(w, { signature: foreign }));
    expect(signature).toMatchObject({ ok: false, code: 'REQUEST.INVALID', fields: { signature: '图片地址无效，请重新上传' } });
    expect(await visitsOf(w)).toEqual([]);
  });

  it('the satisfaction score is optional, and only 1–5', async () => {
    const w = await world();
    const { satisfaction: _none, ...unscored } = visitEvent(w);
    expect((await w.call(project, sm._id, unscored)).data.visit.satisfaction).toBeNull();
    expect(await w.call(project, sm._id, visitEvent(w, { satisfaction: 6 }))).toMatchObject({ ok: false, fields: { satisfaction: '满意度请选 1–5 分' } });
    expect(await visitsOf(w)).toHaveLength(1);
  });
});

describe('project.recordVisit: who may record, on the stored record', () => {
  it('the project’s own site manager, customer service and admins record; anyone else is refused and writes nothing', async () => {
    const w = await world();
    for (const who of [sm, cs, admin]) expect(await w.call(project, who._id, photosEvent(w))).toMatchObject({ ok: true });
    const stored = await visitsOf(w);
    expect(stored.map((v) => (v as { byId: string }).byId).sort()).toEqual([admin._id, cs._id, sm._id].sort());
    // a site manager of another project does not learn that this one exists
    expect(await w.call(project, otherSm._id, photosEvent(w))).toMatchObject({ ok: false, code: 'PROJECT.NOT_FOUND' });
    for (const who of [owner, otherOwner, engManager, gm]) {
      expect(await w.call(project, who._id, photosEvent(w))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(project, 'stranger', photosEvent(w))).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' });
    expect(await visitsOf(w)).toEqual(stored);
  });

  it('a retried request id stores one record and answers it again; another person’s same id is their own record', async () => {
    const w = await world();
    const first = await w.call(project, sm._id, visitEvent(w, { requestId: 'visit-form-0001' }));
    w.clock.advanceHours(1);
    const again = await w.call(project, sm._id, visitEvent(w, { requestId: 'visit-form-0001' }));
    expect(again.data.visit).toEqual(first.data.visit);
    expect(await visitsOf(w)).toHaveLength(1);
    await w.call(project, cs._id, visitEvent(w, { requestId: 'visit-form-0001' }));
    expect(await visitsOf(w)).toHaveLength(2);
  });

  it('records are append-only: a correction is a new record and the first stays as it was', async () => {
    const w = await world();
    const first = await w.call(project, sm._id, photosEvent(w));
    const before = await visitsOf(w);
    w.clock.advanceHours(2);
    await w.call(project, sm._id, photosEvent(w, { note: '更正：上午的照片是主卧，不是次卧' }));
    const after = await visitsOf(w);
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(before[0]);
    const list = await w.call(project, sm._id, { action: 'visits', projectId: 'p-cuihu' });
    expect(list.data.visits.map((v: { note: string }) => v.note)).toEqual(['更正：上午的照片是主卧，不是次卧', first.data.visit.note]);
  });
});

describe('project.visits: who reads a site’s records', () => {
  async function recorded(w: World) {
    await w.call(project, sm._id, photosEvent(w));
    w.clock.advanceHours(1);
    await w.call(project, cs._id, visitEvent(w));
  }

  it('the project’s staff, its department’s manager, the general manager and its homeowner read them; others learn nothing', async () => {
    const w = await world();
    await recorded(w);
    for (const who of [sm, cs, admin, engManager, gm, owner]) {
      const r = await w.call(project, who._id, { action: 'visits', projectId: 'p-cuihu' });
      expect(r).toMatchObject({ ok: true, data: { project: { id: 'p-cuihu', name: '翠湖花园 3-1201' } } });
      expect(r.data.visits).toHaveLength(2);
    }
    for (const who of [otherSm, designManager, otherOwner]) {
      expect(await w.call(project, who._id, { action: 'visits', projectId: 'p-cuihu' })).toMatchObject({ ok: false, code: 'PROJECT.NOT_FOUND' });
    }
  });

  it('the homeowner reads the archive of their site newest first, with who took each record by name and no staff phone', async () => {
    const w = await world();
    await recorded(w);
    const r = await w.call(project, owner._id, { action: 'visits', projectId: 'p-cuihu' });
    expect(r.data.mayRecord).toBe(false);
    expect(r.data.visits.map((v: { kind: string; byName: string; at: number }) => [v.kind, v.byName, v.at])).toEqual([
      ['visit', '徐客服', at('2026-03-01T11:00:00+08:00')],
      ['photos', '张建国', at('2026-03-01T10:00:00+08:00')],
    ]);
    const text = JSON.stringify(r);
    for (const staff of [sm, cs]) expect(text).not.toContain(staff.phone);
    expect(text).not.toContain('phone');
    expect(await snapshot(w.db, 'auditLog')).toEqual([]);
  });

  it('a staff read of the records is written to the audit log, naming what it showed', async () => {
    const w = await world();
    await recorded(w);
    const r = await w.call(project, engManager._id, { action: 'visits', projectId: 'p-cuihu' });
    expect(r.data.mayRecord).toBe(false);
    expect(await snapshot(w.db, 'auditLog')).toEqual([
      expect.objectContaining({ kind: 'personalDataRead', viewerId: engManager._id, subjectId: owner._id, record: 'projects/p-cuihu', fields: ['name', 'sitePhotos', 'visitRemarks', 'signature'] }),
    ]);
  });
});

describe('the homeowner’s data: site records in 我的数据, erased on deletion and past retention', () => {
  it('我的数据 lists the homeowner’s site records with their photos and signature', async () => {
    const w = await world();
    await w.call(project, sm._id, photosEvent(w));
    await w.call(project, cs._id, visitEvent(w));
    const mine = await w.call(privacy, owner._id, { action: 'myData' });
    expect(mine.data.copy.siteVisits).toEqual([
      expect.objectContaining({ kind: 'photos', projectId: 'p-cuihu', photos: [PHOTO_A, PHOTO_B], byName: '张建国' }),
      expect.objectContaining({ kind: 'visit', signature: SIGNATURE, note: '对工人很满意，希望卫生间防水再做一次闭水试验', byName: '徐客服' }),
    ]);
    expect((await w.call(privacy, otherOwner._id, { action: 'myData' })).data.copy.siteVisits).toEqual([]);
  });

  it('a deletion deletes the signature image, masks phone numbers in what was said, keeps the site photos, and a second run changes nothing', async () => {
    const w = await world();
    await w.call(project, cs._id, visitEvent(w, { remarks: '有事请打我老公电话 139-0013-9999' }));
    await w.db.collection('settings').doc('privacy').set({ deletionDelayDays: 0 });
    await w.call(privacy, owner._id, { action: 'requestDeletion', confirm: true });
    const [v] = await visitsOf(w);
    expect(v).toMatchObject({ signature: null, note: '有事请打我老公电话 ***********', photos: [PHOTO_A], anonymisedAt: at('2026-03-01T10:00:00+08:00') });
    expect(w.files.removed).toEqual([SIGNATURE]);
    expect(await w.files.stat(SIGNATURE)).toBeNull();
    w.clock.advanceHours(1);
    await retentionTimer(w.deps)();
    expect(await visitsOf(w)).toEqual([v]);
    expect(w.files.removed).toEqual([SIGNATURE]);
  });

  it('the retention timer erases the signatures of a project past retention, and only of that project', async () => {
    const w = await world();
    await w.call(project, cs._id, visitEvent(w));
    await w.call(project, cs._id, visitEvent(w, { projectId: 'p-binjiang', photos: [], signature: w.files.add('local://uploads/ffffffffffffffffffffffff.png', 'image/png') }));
    await w.db.collection('projects').doc('p-cuihu').update({ milestones: { started: '2020-02-20', completed: '2020-06-01' } });
    w.clock.set('2032-03-01T10:00:00+08:00');
    expect(await retentionTimer(w.deps)()).toMatchObject({ projects: 1 });
    const stored = (await visitsOf(w)) as { projectId: string; signature: string | null }[];
    expect(stored.find((v) => v.projectId === 'p-cuihu')).toMatchObject({ signature: null });
    expect(stored.find((v) => v.projectId === 'p-binjiang')).toMatchObject({ signature: 'local://uploads/ffffffffffffffffffffffff.png' });
    expect(w.files.removed).toEqual([SIGNATURE]);
  });
});
