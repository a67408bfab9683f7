import type { Complaint } from '@shared/complaint/complaint';
import type { Enquiry } from '@shared/enquiry/enquiry';
import { followUpId, newFollowUp, type FollowUp } from '@shared/followup/followup';
import type { FollowUpKind } from '@shared/followup/schedule';
import type { Project } from '@shared/project/project';
import type { RepairTicket } from '@shared/repair/ticket';
import type { SurveyAnswerRecord } from '@shared/survey/api';
import type { SurveyStage } from '@shared/survey/catalogue';
import { reportFunction as report } from '../../cloudfunctions/report/handler';
import { reporterTimer } from '../../cloudfunctions/reporter/handler';
import { PEOPLE, snapshot, world, type World } from './harness';

/** Instants written as China Standard Time wall-clock text. */
const cst = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`).getTime();
const { owner, sm, otherSm, cs, gm, engManager } = PEOPLE;
const boss = PEOPLE.admin;

const put = (w: World, collection: string, { _id, ...doc }: { _id: string } & Record<string, unknown>) => w.db.collection(collection).doc(_id).set(doc);

const sun = { id: 'staff-designer-sun', name: '孙设计师' };
const wu = { id: 'staff-inspector-wu', name: '吴监理' };
const he = { id: 'staff-designer-he', name: '何设计师' };
const project = (id: string, name: string, siteManagerId: string, staff: Project['staff'], milestones: Project['milestones']): Project => ({
  _id: id, name, address: `杭州市${name}`, homeownerId: owner._id, siteManagerId, department: 'engineering', staff, milestones, createdAt: cst('2025-08-01 09:00'),
});
const PROJECTS: Project[] = [
  project('p-a', '甲园 1-101', sm._id, { designer: sun, inspector: wu, projectManager: { id: sm._id, name: '张建国' } }, { started: '2026-10-01' }),
  project('p-b', '乙园 2-202', otherSm._id, { designer: sun, projectManager: { id: otherSm._id, name: '陈立新' } }, { started: '2026-08-01', completed: '2026-11-25' }),
  project('p-c', '丙园 3-303', otherSm._id, { designer: he }, { started: '2025-09-01', completed: '2026-01-10' }),
];

function followUp(projectId: string, key: string, kind: FollowUpKind, dueDate: string, state: FollowUp['state'], extra: Partial<FollowUp> = {}): FollowUp {
  const p = { _id: projectId, homeownerId: owner._id };
  return { ...newFollowUp(p, { key, kind, dueDate, windowEnd: dueDate }, cst('2026-10-01 09:00')), _id: followUpId(projectId, key), state, ...extra };
}
const delivered = { templateId: 't', claimedAt: cst('2026-11-20 10:00'), sentAt: cst('2026-11-20 10:00'), errcode: null };
const FOLLOW_UPS: FollowUp[] = [
  // due this week (Monday 2026-11-23 to Sunday 2026-11-29)
  followUp('p-a', 'midStage', 'midStage', '2026-11-24', 'answered', { message: delivered }),
  followUp('p-a', 'concealedWorks', 'concealedWorks', '2026-11-23', 'phoneTask', { attempts: [{ at: cst('2026-11-23 10:00'), by: cs._id, byName: '徐客服', outcome: 'unreachable', note: '', callAt: null }] }),
  followUp('p-a', 'preCompletion', 'preCompletion', '2026-11-26', 'cancelled'),
  followUp('p-b', 'completion', 'completion', '2026-11-25', 'sent', { message: delivered }),
  followUp('p-c', 'warranty:12', 'warranty', '2026-11-27', 'done'),
  followUp('p-cuihu', 'earlyStage', 'earlyStage', '2026-11-28', 'pending'),
  // outside the week
  followUp('p-a', 'earlyStage', 'earlyStage', '2026-10-11', 'answered'),
  followUp('p-b', 'earlyStage', 'earlyStage', '2026-08-11', 'answered'),
  followUp('p-b', 'midStage', 'midStage', '2026-09-20', 'answered'),
  followUp('p-b', 'preCompletion', 'preCompletion', '2026-11-22', 'done'),
  followUp('p-b', 'warranty:3', 'warranty', '2026-11-30', 'pending'),
];

function answer(id: string, projectId: string, stage: SurveyStage, score: number, at: string): SurveyAnswerRecord {
  return { _id: id, followUpId: id, projectId, homeownerId: owner._id, kind: 'midStage', stage, version: 1, answers: {}, score, channel: 'miniProgram', by: owner._id, at: cst(at), complaintIds: [], repairIds: [], complaintsOpenedAt: cst(at) };
}
const ANSWERS: SurveyAnswerRecord[] = [
  answer('p-a--midStage', 'p-a', 'mid', 4, '2026-11-24 10:30'),
  answer('p-b--completion', 'p-b', 'completion', 5, '2026-11-26 11:00'),
  answer('p-cuihu--concealedWorks', 'p-cuihu', 'started', 2, '2026-11-01 15:00'),
  answer('p-a--afterComplaint-c1', 'p-a', 'afterComplaint', 3, '2026-11-04 10:00'),
  // last month (2026-09-28 to 2026-10-25)
  answer('p-cuihu--midStage', 'p-cuihu', 'mid', 3, '2026-10-10 10:00'),
  answer('p-b--earlyStage', 'p-b', 'started', 4, '2026-10-01 10:00'),
];

function complaint(id: string, receivedAt: string, staff: Complaint['staff'], status: Complaint['status'], closedAt: string | null, updatedAt = receivedAt): Complaint {
  return {
    _id: id, ref: null, remedy: null, handlerId: null, acknowledgement: null, evidence: [], finding: null, legalLiability: null,
    homeownerId: owner._id, projectId: 'p-a', category: 'serviceAttitude', description: '态度不好', photos: [], channel: 'phone', staff, source: null,
    receivedAt: cst(receivedAt), receivedBy: cs._id, firstOwnerId: cs._id, chain: ['customerService'], level: 0, department: 'customerService', status, priority: 'normal',
    repeatOf: null, replyBy: cst(receivedAt) + 86_400_000, promisedReplyAt: null, nextDeadlineAt: null, proposal: null, escalateAt: null, missedDeadlines: [],
    closedAt: closedAt ? cst(closedAt) : null, history: [], updatedAt: cst(updatedAt),
  };
}
const COMPLAINTS: Complaint[] = [
  complaint('c1', '2026-11-02 10:00', { role: 'designer', ...sun }, 'closed', '2026-11-03 10:00'),
  complaint('c2', '2026-11-10 09:00', { role: 'projectManager', id: sm._id, name: '张建国' }, 'closed', '2026-11-12 21:00'),
  complaint('c3', '2026-11-20 09:00', null, 'forwarded', null),
  complaint('c4', '2026-10-20 12:00', { role: 'designer', ...sun }, 'closed', '2026-10-28 12:00'),
  complaint('c5', '2026-11-05 09:00', { role: 'inspector', ...wu }, 'unresolved', null, '2026-11-15 09:00'),
];

function repair(id: string, siteManagerId: string, category: RepairTicket['category'], createdAt: string, breaches: [RepairTicket['breaches'][number]['kind'], string][]): RepairTicket {
  return {
    _id: id, ref: null, source: null, tracked: false, projectId: 'p-a', homeownerId: owner._id, siteManagerId, department: 'engineering', category, description: '漏水', photos: [],
    preferredVisit: { date: createdAt.slice(0, 10), slot: 'afternoon' }, status: 'confirmed', createdAt: cst(createdAt), updatedAt: cst(createdAt),
    deadlines: { contactBy: cst(createdAt), onSiteBy: cst(createdAt) }, contactedAt: null, onSiteAt: null, visitAt: null, resolution: null, confirmedAt: null, rating: null,
    reopenCount: 0, nextDeadlineAt: null, breaches: breaches.map(([kind, dueAt]) => ({ kind, round: 0, dueAt: cst(dueAt) })), escalations: [], escalateAt: null, history: [],
  };
}
const REPAIRS: RepairTicket[] = [
  repair('r1', sm._id, 'plumbing', '2026-11-03 10:00', [['onSite', '2026-11-03 14:00'], ['contact', '2026-11-04 10:00']]),
  repair('r2', sm._id, 'plumbing', '2026-11-20 14:00', [['onSite', '2026-11-20 18:00']]),
  repair('r3', otherSm._id, 'tiling', '2026-10-20 09:00', [['onSite', '2026-10-21 09:00'], ['contact', '2026-10-27 09:00']]),
];

function enquiry(id: string, kind: Enquiry['kind'], receivedAt: string, repliedAt: string | null): Enquiry {
  const received = cst(receivedAt);
  return {
    _id: id, ref: null, kind, channel: 'app', homeownerId: owner._id, projectId: 'p-a', text: '请问质保卡什么时候寄出', receivedAt: received, replyBy: received + 86_400_000,
    status: repliedAt ? 'answered' : 'open', reply: repliedAt ? { text: '竣工验收后 7 天内寄出', at: cst(repliedAt), by: cs._id, byName: '徐客服' } : null,
    loggedBy: null, escalateAt: repliedAt ? null : received + 86_400_000, escalatedAt: null,
  };
}
const ENQUIRIES: Enquiry[] = [
  enquiry('e1', 'enquiry', '2026-11-02 10:00', '2026-11-02 15:00'),
  enquiry('e2', 'enquiry', '2026-11-10 09:00', '2026-11-11 12:00'),
  enquiry('e3', 'suggestion', '2026-11-20 20:00', '2026-11-21 09:00'),
  enquiry('e4', 'need', '2026-11-29 09:00', null),
  // before the period (2026-10-26 to 2026-11-29)
  enquiry('e5', 'suggestion', '2026-10-25 23:00', '2026-10-26 10:00'),
];

async function company(at = '2026-11-29 16:00'): Promise<World> {
  const w = await world(new Date(cst(at)).toISOString());
  for (const p of PROJECTS) await put(w, 'projects', p);
  for (const f of FOLLOW_UPS) await put(w, 'followups', f);
  for (const a of ANSWERS) await put(w, 'surveyAnswers', a);
  for (const c of COMPLAINTS) await put(w, 'complaints', c);
  for (const r of REPAIRS) await put(w, 'repairs', r);
  for (const e of ENQUIRIES) await put(w, 'enquiries', e);
  return w;
}

describe('the weekly report (due Sunday 17:00)', () => {
  it('counts the week’s follow-ups by project status, the follow-up rate against 90%, projects below three follow-ups and projects completed', async () => {
    const w = await company();
    expect(await reporterTimer(w.deps)()).toMatchObject({ built: ['weekly-2026-11-23', 'monthly-2026-11'], more: false });
    const r = await w.call(report, gm._id, { action: 'get', id: 'weekly-2026-11-23' });
    expect(r.data.report).toMatchObject({ kind: 'weekly', label: '回访周报 2026年11月23日–11月29日', period: { from: '2026-11-23', to: '2026-11-29' }, dueAt: cst('2026-11-29 17:00'), builtAt: cst('2026-11-29 16:00') });
    const f = r.data.report.figures;
    expect(f.underConstruction.map((x: any) => [x.projectId, x.label, x.dueDate, x.made, x.answered, x.score])).toEqual([
      ['p-a', '隐蔽工程回访', '2026-11-23', false, false, null],
      ['p-a', '中期回访', '2026-11-24', true, true, 4],
      ['p-cuihu', '开工初期回访', '2026-11-28', false, false, null],
    ]);
    expect(f.completed.map((x: any) => [x.projectId, x.label, x.made])).toEqual([['p-b', '竣工回访', true], ['p-c', '质保期回访', true]]);
    // due 5 (the cancelled one was never owed), made 3 (answered, message delivered, done), answered 1: 3 / 5 = 60%
    expect(f.summary).toEqual({
      due: 5, made: 3, answered: 1, rate: 0.6, target: 0.9, meetsTarget: false,
      belowThree: [{ projectId: 'p-cuihu', projectName: '翠湖花园 3-1201', made: 0 }, { projectId: 'p-a', projectName: '甲园 1-101', made: 2 }],
    });
    expect(f.completedThisWeek).toEqual([{ projectId: 'p-b', projectName: '乙园 2-202', completed: '2026-11-25', siteManagerName: '陈立新' }]);

    expect(r.data.csvUrl).toBe('https://files.test/reports/weekly-2026-11-23.csv');
    const csv = (w.files.exports.get('test://reports/weekly-2026-11-23.csv') as Buffer).toString('utf8');
    expect(csv.startsWith('\uFEFF回访周报 2026年11月23日–11月29日\r\n统计期间：2026年11月23日–11月29日\r\n')).toBe(true);
    expect(csv).toContain('本周回访情况\r\n应回访,已回访,已答卷,回访率,目标,是否达标\r\n5,3,1,60%,90%,否\r\n');
    expect(csv).toContain('本周竣工工程一览表\r\n项目,竣工日期,项目经理\r\n乙园 2-202,2026-11-25,陈立新\r\n');
  });

  it('builds each report once, not before Sunday 16:00, and tells the general manager and the admins', async () => {
    const w = await company('2026-11-29 15:59');
    expect((await reporterTimer(w.deps)()).built).toEqual(['weekly-2026-11-16', 'monthly-2026-10']);
    w.clock.set(new Date(cst('2026-11-29 16:00')).toISOString());
    expect((await reporterTimer(w.deps)()).built).toEqual(['weekly-2026-11-23', 'monthly-2026-11']);
    const stored = await snapshot(w.db, 'reports');
    expect(await reporterTimer(w.deps)()).toMatchObject({ built: [], more: false });
    expect(await snapshot(w.db, 'reports')).toEqual(stored);
    const notices = (await snapshot(w.db, 'notices')) as { _id: string; to: string }[];
    expect(notices.filter((n) => n._id.startsWith('report.ready:weekly-2026-11-23')).map((n) => n.to).sort()).toEqual([boss._id, gm._id].sort());
  });

  it('stores no report it could not finish within its time budget, and builds it on the next run', async () => {
    const w = await company();
    let spent = 0;
    // each page read counts one unit here: the weekly report reads 3 pages, the monthly one runs out on its 2nd
    expect(await reporterTimer(w.deps, { budgetMs: 4, elapsed: () => spent++ })()).toMatchObject({ built: ['weekly-2026-11-23'], more: true });
    expect((await snapshot(w.db, 'reports')).map((r: any) => r._id)).toEqual(['weekly-2026-11-23']);
    expect(w.files.exports.has('test://reports/monthly-2026-11.csv')).toBe(false);
    expect((await reporterTimer(w.deps)()).built).toEqual(['monthly-2026-11']);
  });
});

describe('the monthly report (before the last Monday)', () => {
  it('computes complaint ratios, repair breaches, complaint handling and satisfaction against last month', async () => {
    const w = await company();
    await reporterTimer(w.deps)();
    const r = await w.call(report, boss._id, { action: 'get', id: 'monthly-2026-11' });
    // 2026-11-30 is November's last Monday; October's was 2026-10-26
    expect(r.data.report).toMatchObject({ kind: 'monthly', month: '2026-11', label: '管理月报 2026年11月', period: { from: '2026-10-26', to: '2026-11-29' } });
    const f = r.data.report.figures;
    expect(f.previous).toEqual({ from: '2026-09-28', to: '2026-10-25' });
    // projects running in the period: 孙 on 甲, 乙, 翠湖 (3); 吴 on 甲 (1); 张 on 甲, 翠湖 (2); 陈 on 乙 (1); 何 only on 丙, completed in January (0)
    expect(f.complaintRatios.map((x: any) => [x.name, x.roleLabel, x.projects, x.complaints, x.ratio])).toEqual([
      ['吴监理', '监理/巡检', 1, 1, 1],
      ['张建国', '项目经理', 2, 1, 0.5],
      ['孙设计师', '设计师', 3, 1, 0.333],
      ['陈立新', '项目经理', 1, 0, 0],
    ]);
    // r1 and r2 (张, plumbing): 3 deadlines missed on 2 tickets; r3 (陈, tiling): only the one of 2026-10-27 falls in the period
    expect(f.repairBreaches.map((x: any) => [x.name, x.categoryLabel, x.breaches, x.tickets])).toEqual([
      ['张建国', '水路（漏水、堵塞、水压）', 3, 2],
      ['陈立新', '瓷砖地面（空鼓、开裂）', 1, 1],
    ]);
    // received c1, c2, c3, c5; closed c1 (24 h), c2 (60 h), c4 (received in October, closed 2026-10-28: 192 h); (24 + 60 + 192) / 3 = 92
    expect(f.complaints).toEqual({ received: 4, closed: 3, unresolved: 1, averageHandlingHours: 92, handlingSatisfaction: 3, handlingAnswers: 1 });
    expect(f.overall).toEqual({ average: 3.5, answers: 4, previousAverage: 3.5 });
    expect(f.satisfactionByStage.map((x: any) => [x.stage, x.average, x.answers, x.previousAverage])).toEqual([
      ['started', 2, 1, 4], ['mid', 4, 1, 3], ['completion', 5, 1, null], ['afterComplaint', 3, 1, null],
    ]);
    const byStaff = [...f.satisfactionByStaff].sort((a: any, b: any) => `${a.role}${a.staffId}`.localeCompare(`${b.role}${b.staffId}`));
    expect(byStaff.map((x: any) => [x.name, x.average, x.answers, x.previousAverage])).toEqual([
      ['孙设计师', 3.5, 4, 3.5], ['吴监理', 3.5, 2, null], ['陈立新', 5, 1, 4], ['张建国', 3, 3, 3],
    ]);
    const csv = (w.files.exports.get('test://reports/monthly-2026-11.csv') as Buffer).toString('utf8');
    expect(csv).toContain('吴监理,监理/巡检,1,1,1\r\n');
    expect(csv).toContain('投诉分析\r\n收到投诉,已解决,未达成一致,平均处理时长（小时）,处理满意度（0-5）,评价份数\r\n4,3,1,92,3,1\r\n');
  });
});

describe('the service desk in the monthly report', () => {
  it('counts the requests received in the period by kind, and how many were answered within 24 hours, late, or not yet', async () => {
    const w = await company();
    await reporterTimer(w.deps)();
    const f = (await w.call(report, boss._id, { action: 'get', id: 'monthly-2026-11' })).data.report.figures;
    // e2 was answered 27 hours after it came; e4 is still open; e5 came the day before the period
    expect(f.desk).toEqual({
      received: 4,
      byKind: [{ kind: 'enquiry', label: '咨询', count: 2 }, { kind: 'suggestion', label: '建议', count: 1 }, { kind: 'need', label: '服务需求', count: 1 }],
      answeredInTime: 2, answeredLate: 1, open: 1,
    });
    const csv = (w.files.exports.get('test://reports/monthly-2026-11.csv') as Buffer).toString('utf8');
    expect(csv).toContain('咨询与建议（服务台登记）\r\n收到,咨询,建议,服务需求,24 小时内回复,超时回复,尚未回复\r\n4,2,1,1,2,1,1\r\n');
  });

  it('reads a monthly report stored before the desk counted requests with no desk figures, rather than zeros', async () => {
    const w = await company();
    await reporterTimer(w.deps)();
    const { _id: id, ...stored } = (await w.db.collection('reports').doc('monthly-2026-11').get()).data[0] as { _id: string; figures: Record<string, unknown> };
    const { desk: _, ...older } = stored.figures;
    await w.db.collection('reports').doc(id).set({ ...stored, figures: older });
    const r = await w.call(report, boss._id, { action: 'get', id: 'monthly-2026-11' });
    expect(r.data.report.figures.desk).toBeNull();
  });
});

describe('retention (settings/retention)', () => {
  it('lets go of reports older than reportsMonths and audit-log entries older than auditLogYears, and nothing younger', async () => {
    const w = await company();
    await w.db.collection('settings').doc('retention').set({ reportsMonths: 12, auditLogYears: 3 });
    const old = { kind: 'weekly', label: '旧周报', period: { from: '2025-11-24', to: '2025-11-30' }, dueAt: cst('2025-11-30 17:00'), csvFileId: 'test://old.csv' };
    await put(w, 'reports', { _id: 'weekly-2025-11-24', ...old, builtAt: cst('2025-11-29 15:59'), figures: { underConstruction: [], completed: [], summary: { due: 0, made: 0, answered: 0, rate: null, target: 0.9, meetsTarget: null, belowThree: [] }, completedThisWeek: [] } });
    await put(w, 'reports', { _id: 'weekly-2025-12-01', ...old, builtAt: cst('2025-11-29 16:01'), figures: { underConstruction: [], completed: [], summary: { due: 0, made: 0, answered: 0, rate: null, target: 0.9, meetsTarget: null, belowThree: [] }, completedThisWeek: [] } });
    const entry = { kind: 'personalDataRead', viewerId: cs._id, viewerRoles: ['customerService'], subjectId: owner._id, record: 'repairs/r1', fields: ['name'] };
    await put(w, 'auditLog', { _id: 'a-old', ...entry, at: cst('2023-11-29 15:00') });
    await put(w, 'auditLog', { _id: 'a-kept', ...entry, at: cst('2023-11-29 17:00') });
    expect((await reporterTimer(w.deps)()).removed).toEqual({ reports: 1, auditEntries: 1 });
    expect((await snapshot(w.db, 'reports')).map((r: any) => r._id)).toEqual(['monthly-2026-11', 'weekly-2025-12-01', 'weekly-2026-11-23']);
    expect((await snapshot(w.db, 'auditLog')).map((r: any) => r._id)).toEqual(['a-kept']);
  });
});

describe('the company at a glance', () => {
  it('counts open and overdue repairs and complaints per department, and this week’s follow-up rate so far', async () => {
    const w = await company();
    await put(w, 'repairs', { ...repair('r4', sm._id, 'electrical', '2026-11-28 09:00', []), status: 'accepted', nextDeadlineAt: cst('2026-11-28 13:00') });
    await put(w, 'complaints', { ...complaint('c6', '2026-11-28 09:00', null, 'forwarded', null), department: 'engineering', nextDeadlineAt: cst('2026-11-29 09:00') });
    const r = await w.call(report, gm._id, { action: 'glance' });
    expect(r.data.departments.map((d: any) => [d.label, d.openRepairs, d.overdueRepairs, d.openComplaints, d.overdueComplaints])).toEqual([
      ['设计部', 0, 0, 0, 0], ['工程部', 1, 1, 1, 1], ['材料部', 0, 0, 0, 0], ['客服部', 0, 0, 1, 0], ['总经理室', 0, 0, 0, 0],
    ]);
    // Monday 2026-11-23 to today (Sunday 2026-11-29): the same 5 due, 3 made
    expect(r.data.thisWeek).toEqual({ from: '2026-11-23', to: '2026-11-29', due: 5, made: 3, rate: 0.6, target: 0.9 });
    for (const who of [owner, sm, cs]) expect(await w.call(report, who._id, { action: 'glance' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('who may read the reports', () => {
  it('lists them to department managers and admins, newest first, and refuses every other role', async () => {
    const w = await company();
    await reporterTimer(w.deps)();
    for (const who of [gm, engManager, boss]) {
      const r = await w.call(report, who._id, { action: 'list' });
      expect(r.data.reports.map((x: any) => [x.id, x.followUpRate, x.satisfaction, x.complaints])).toEqual([['weekly-2026-11-23', 0.6, null, null], ['monthly-2026-11', null, 3.5, 4]]);
    }
    expect((await w.call(report, gm._id, { action: 'list', kind: 'monthly' })).data.reports.map((x: any) => x.id)).toEqual(['monthly-2026-11']);
    for (const who of [owner, sm, cs]) {
      expect(await w.call(report, who._id, { action: 'list' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await w.call(report, who._id, { action: 'get', id: 'weekly-2026-11-23' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await w.call(report, gm._id, { action: 'get', id: 'weekly-2020-01-06' })).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });
});
