import type { User } from '@shared/core/roles';
import { anonymisedSiteVisit } from '@shared/privacy/anonymise';
import type { Project } from '@shared/project/project';
import { newSiteVisit, siteStage, type SiteVisit } from '@shared/project/visit';
import { mayReadVisits, mayRecordVisit } from '@shared/project/visitView';

const at = (iso: string) => new Date(iso).getTime();
const NOW = at('2026-03-01T10:00:00+08:00');
const ZHANG = { _id: 'sm-zhang', name: '张建国' };

const project = (milestones: Project['milestones']): Project => ({
  _id: 'p-cuihu', name: '翠湖花园 3-1201', address: '翠湖花园 3 幢 1201 室', homeownerId: 'owner-li', siteManagerId: 'sm-zhang',
  department: 'engineering', staff: {}, milestones, createdAt: 0,
});
const person = (roles: User['roles'], extra: Partial<User> = {}): User => ({ _id: 'someone', name: '某人', phone: '13700000000', roles, ...extra });

describe('the stage a site record is filed under (DOMAIN §11: during construction, after completion)', () => {
  it('is under construction once work started, after completion once completion is recorded, before the start otherwise', () => {
    expect(siteStage({})).toBe('beforeStart');
    expect(siteStage({ depositPaid: '2026-01-05', plannedCompletion: '2026-06-30' })).toBe('beforeStart');
    expect(siteStage({ started: '2026-02-20' })).toBe('construction');
    expect(siteStage({ started: '2026-02-20', completed: '2026-02-28' })).toBe('completed');
  });

  it('site photos need a started site; a visit to the homeowner may happen at any stage', () => {
    const photos = { kind: 'photos' as const, photos: ['local://uploads/a.jpg'], note: '现场' };
    expect(newSiteVisit(photos, project({}), ZHANG, NOW)).toMatchObject({ ok: false, code: 'PROJECT.NOT_STARTED' });
    const visit = { kind: 'visit' as const, photos: [], remarks: '挺好', signature: 'local://uploads/s.png' };
    expect(newSiteVisit(visit, project({}), ZHANG, NOW)).toMatchObject({ ok: true, data: { stage: 'beforeStart', signature: 'local://uploads/s.png', satisfaction: null } });
  });

  it('names who made the record and when, and the homeowner whose data it is', () => {
    const r = newSiteVisit({ kind: 'photos', photos: ['local://uploads/a.jpg'], note: '水电开槽' }, project({ started: '2026-02-20' }), ZHANG, NOW);
    expect(r).toEqual({
      ok: true,
      data: { kind: 'photos', projectId: 'p-cuihu', homeownerId: 'owner-li', stage: 'construction', photos: ['local://uploads/a.jpg'], note: '水电开槽', satisfaction: null, signature: null, byId: 'sm-zhang', byName: '张建国', at: NOW },
    });
  });
});

describe('who may record and read a site’s records', () => {
  const p = project({ started: '2026-02-20' });

  it('records: the project’s own site manager, customer service, admins; nobody else', () => {
    expect(mayRecordVisit(person(['siteManager'], { _id: 'sm-zhang' }), p)).toBe(true);
    expect(mayRecordVisit(person(['siteManager'], { _id: 'sm-chen' }), p)).toBe(false);
    expect(mayRecordVisit(person(['customerService']), p)).toBe(true);
    expect(mayRecordVisit(person(['admin']), p)).toBe(true);
    expect(mayRecordVisit(person(['deptManager'], { department: 'engineering' }), p)).toBe(false);
    expect(mayRecordVisit(person(['homeowner'], { _id: 'owner-li' }), p)).toBe(false);
  });

  it('reads: also the department manager of the project’s department, the general manager, and its homeowner', () => {
    expect(mayReadVisits(person(['deptManager'], { department: 'engineering' }), p)).toBe(true);
    expect(mayReadVisits(person(['deptManager'], { department: 'design' }), p)).toBe(false);
    expect(mayReadVisits(person(['deptManager'], { department: 'management' }), p)).toBe(true);
    expect(mayReadVisits(person(['homeowner'], { _id: 'owner-li' }), p)).toBe(true);
    expect(mayReadVisits(person(['homeowner'], { _id: 'owner-wang' }), p)).toBe(false);
    expect(mayReadVisits(person(['siteManager'], { _id: 'sm-chen' }), p)).toBe(false);
  });
});

describe('anonymising a site record', () => {
  const visit: SiteVisit = {
    _id: 'v1', kind: 'visit', projectId: 'p-cuihu', homeownerId: 'owner-li', stage: 'construction', photos: ['local://uploads/a.jpg'],
    note: '有事打 13800138001', satisfaction: 5, signature: 'local://uploads/s.png', byId: 'cs-xu', byName: '徐客服', at: NOW,
  };

  it('drops the signature and masks phones in what was said, keeps the photos, and changes nothing the second time', () => {
    const once = anonymisedSiteVisit(visit, NOW + 1);
    expect(once).toEqual({ ...visit, signature: null, note: '有事打 ***********', anonymisedAt: NOW + 1 });
    expect(anonymisedSiteVisit(once, NOW + 2)).toBe(once);
  });
});
