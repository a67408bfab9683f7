import type { User } from '@shared/core/roles';
import { anonymisedProject, anonymisedUser, pastRetention, retentionCutoff, withoutPhones } from '@shared/privacy/anonymise';
import { privacySettingsWith } from '@shared/privacy/settings';
import type { Project } from '@shared/project/project';

const at = (iso: string) => new Date(iso).getTime();

describe('retention: personal data is kept until the warranty horizon plus the retention period', () => {
  it('puts the cutoff 5 years and 365 days before today, in China time', () => {
    // 00:30 in Shanghai on 1 March is still 28 February in UTC
    expect(retentionCutoff(at('2032-03-01T00:30:00+08:00'), 5, 365)).toBe('2026-03-02');
  });

  it('a project completed before the cutoff is past retention; one completed on the cutoff or not completed is kept', () => {
    expect(pastRetention({ milestones: { completed: '2026-03-01' } }, '2026-03-02')).toBe(true);
    expect(pastRetention({ milestones: { completed: '2026-03-02' } }, '2026-03-02')).toBe(false);
    expect(pastRetention({ milestones: { started: '2020-01-01' } }, '2026-03-02')).toBe(false);
  });

  it('keeps the defaults for settings that are missing or not whole days', () => {
    expect(privacySettingsWith({ deletionDelayDays: 7, retentionDaysAfterWarranty: -1 })).toEqual({ deletionDelayDays: 7, retentionDaysAfterWarranty: 365 });
    expect(privacySettingsWith(null)).toEqual({ deletionDelayDays: 0, retentionDaysAfterWarranty: 365 });
  });
});

describe('anonymisation erases personal fields and keeps business records', () => {
  const now = at('2026-03-01T10:00:00+08:00');
  const user: User = { _id: 'owner-li', name: '李女士', phone: '13800138001', roles: ['homeowner'], contactWindows: [{ days: 'weekday', from: '19:30', to: '21:30' }] };
  const project: Project = {
    _id: 'p-cuihu', name: '翠湖花园 3-1201', address: '杭州市西湖区翠湖花园 3 幢 1201 室', homeownerId: 'owner-li', siteManagerId: 'sm-zhang',
    department: 'engineering', staff: {}, milestones: { started: '2020-02-20', completed: '2020-06-01' }, createdAt: 0,
  };

  it('erases name, phone and contact times but keeps the account and its roles', () => {
    expect(anonymisedUser(user, now)).toEqual({ _id: 'owner-li', name: '已匿名业主', phone: '', roles: ['homeowner'], contactWindows: null, anonymisedAt: now });
  });

  it('erases the project name and address but keeps its milestones and the people on it', () => {
    const p = anonymisedProject(project, now);
    expect(p).toMatchObject({ address: '', milestones: project.milestones, homeownerId: 'owner-li', siteManagerId: 'sm-zhang', anonymisedAt: now });
    expect(p.name).not.toContain('翠湖');
  });

  it('anonymising twice changes nothing the second time', () => {
    const once = anonymisedUser(user, now);
    expect(anonymisedUser(once, now + 1000)).toBe(once);
    const p = anonymisedProject(project, now);
    expect(anonymisedProject(p, now + 1000)).toBe(p);
  });

  it('masks mobile numbers written into free text', () => {
    expect(withoutPhones('请打 138-0013-8001 或 13900139001，谢谢')).toBe('请打 *********** 或 ***********，谢谢');
  });
});
