import type { z } from 'zod/mini';
import { DEFAULT_COMPLAINT_RULES } from '@shared/complaint/categories';
import { complaintSchema, type Complaint } from '@shared/complaint/complaint';
import { newComplaint } from '@shared/complaint/intake';
import { applyComplaintCommand, escalateOverdueComplaint, type ComplaintActor, type ComplaintCommand } from '@shared/complaint/lifecycle';
import type { Result } from '@shared/core/result';
import { userSchema, type User } from '@shared/core/roles';
import { calledFollowUp } from '@shared/followup/calls';
import { PREFERRED_TIME_PRESETS } from '@shared/followup/contact';
import { claimedFollowUp, decidedFollowUp, heldFollowUp, phoneTaskFollowUp, sentFollowUp } from '@shared/followup/dispatch';
import { cancelledFollowUp, followUpId, followUpSchema, movedFollowUp, newFollowUp, type FollowUp } from '@shared/followup/followup';
import type { PlannedFollowUp } from '@shared/followup/schedule';
import { withMilestoneChange, type MilestoneInput } from '@shared/project/milestones';
import { projectSchema, type Project } from '@shared/project/project';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { newRepairTicket } from '@shared/repair/create';
import { applyRepairCommand, escalateOverdueRepair, type Actor, type RepairCommand } from '@shared/repair/lifecycle';
import { repairTicketSchema, type RepairTicket } from '@shared/repair/ticket';
import { surveyDraftSchema, surveyAnswerRecordSchema, type SurveyAnswerRecord } from '@shared/survey/api';
import { SURVEY_STAGES, surveySchema, type Survey } from '@shared/survey/catalogue';
import { DEFAULT_SURVEYS } from '@shared/survey/defaults';
import { answeredFollowUp, newAnswerRecord } from '@shared/survey/record';

/**
 * Every document the product stores has a schema in shared/, and the functions check each document
 * they read against it. The schemas strip unknown keys, so one that misses a field would drop it on
 * the next write: documents made by the real constructors and lifecycle steps must parse back unchanged.
 */

function data<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}

/** The paths of the issues a schema finds in a document; none when it accepts it. */
function refusedAt(schema: z.ZodMiniType, doc: unknown): PropertyKey[][] {
  const parsed = schema.safeParse(doc);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path);
}

const homeowner: Actor = { id: 'owner-li', role: 'homeowner' };
const siteManager: Actor = { id: 'sm-zhang', role: 'siteManager' };

const PROJECT: Project = {
  _id: 'p-cuihu',
  name: '翠湖花园 3-1201',
  address: '杭州市西湖区翠湖花园 3 幢 1201 室',
  homeownerId: 'owner-li',
  siteManagerId: 'sm-zhang',
  department: 'engineering',
  staff: {
    designer: { id: 'staff-designer-sun', name: '孙设计师' },
    inspector: { id: 'staff-inspector-wu', name: '吴监理' },
    projectManager: { id: 'sm-zhang', name: '张建国' },
  },
  milestones: {},
  createdAt: new Date('2025-05-20T09:00:00+08:00').getTime(),
};

describe('users', () => {
  const people: User[] = [
    { _id: 'owner-li', name: '李女士', phone: '13800138001', roles: ['homeowner'], contactWindows: PREFERRED_TIME_PRESETS[1].windows },
    { _id: 'owner-wang', name: '王先生', phone: '13800138002', roles: ['homeowner'], contactWindows: null },
    { _id: 'owner-zhao', name: '赵女士', phone: '13800138003', roles: ['homeowner'] },
    { _id: 'sm-zhang', name: '张建国', phone: '13900139001', roles: ['siteManager', 'admin'], department: 'engineering' },
  ];

  it.each(people.map((u) => [u._id, u] as const))('the user %s, with or without a department and contact windows, parses back unchanged', (_id, user) => {
    expect(userSchema.parse(user)).toEqual(user);
  });

  it('refuses a user with a role the product does not know, naming the role', () => {
    expect(refusedAt(userSchema, { ...people[0], roles: ['homeowner', 'owner'] })).toContainEqual(['roles', 1]);
  });
});

describe('repair tickets', () => {
  const rules = DEFAULT_REPAIR_RULES;

  /** A plumbing ticket carried through every command, a missed on-site promise, a reopen and a rating. */
  function ticketHistory(): RepairTicket[] {
    const submitted: RepairTicket = {
      _id: 'r-1',
      ...newRepairTicket(
        {
          category: 'plumbing',
          description: '厨房水槽下面的管子漏水，柜子已经泡了',
          photos: ['local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg'],
          preferredVisit: { date: '2026-03-11', slot: 'morning' },
        },
        PROJECT,
        new Date('2026-03-11T10:00:00+08:00').getTime(),
        rules,
      ),
    };
    const steps: [RepairCommand | 'escalate', Actor, number][] = [
      // water on site within 4 hours: missed by 14:30, escalated to the department manager
      ['escalate', siteManager, new Date('2026-03-11T14:30:00+08:00').getTime()],
      [{ type: 'accept' }, siteManager, new Date('2026-03-11T14:40:00+08:00').getTime()],
      [{ type: 'schedule', visitAt: new Date('2026-03-11T16:00:00+08:00').getTime() }, siteManager, new Date('2026-03-11T14:45:00+08:00').getTime()],
      [{ type: 'arrive' }, siteManager, new Date('2026-03-11T16:05:00+08:00').getTime()],
      [{ type: 'resolve', note: '更换了水槽下的软管和接头', photos: ['local://uploads/bbbbbbbbbbbbbbbbbbbbbbbb.jpg'] }, siteManager, new Date('2026-03-11T17:00:00+08:00').getTime()],
      [{ type: 'reopen', reason: '第二天又开始滴水' }, homeowner, new Date('2026-03-12T09:00:00+08:00').getTime()],
      [{ type: 'schedule', visitAt: new Date('2026-03-12T11:00:00+08:00').getTime() }, siteManager, new Date('2026-03-12T09:30:00+08:00').getTime()],
      [{ type: 'arrive' }, siteManager, new Date('2026-03-12T11:00:00+08:00').getTime()],
      [{ type: 'addInfo', text: '早上发现柜子底板也泡湿了', photos: ['local://uploads/aaaaaaaaaaaaaaaaaaaaaaaa.jpg'] }, homeowner, new Date('2026-03-12T11:30:00+08:00').getTime()],
      [{ type: 'resolve', note: '接头重新缠生料带并加装止水阀', photos: ['local://uploads/bbbbbbbbbbbbbbbbbbbbbbbb.jpg'] }, siteManager, new Date('2026-03-12T12:00:00+08:00').getTime()],
      [{ type: 'confirm' }, homeowner, new Date('2026-03-12T18:00:00+08:00').getTime()],
      [
        {
          type: 'rate',
          rating: { score: 4, contactedWithin24h: true, timeAgreed: true, planAgreed: true, satisfied: true, comment: '第二次修得很彻底' },
        },
        homeowner,
        new Date('2026-03-12T18:05:00+08:00').getTime(),
      ],
    ];
    const docs = [submitted];
    for (const [cmd, actor, now] of steps) {
      const t = docs[docs.length - 1];
      const next = cmd === 'escalate' ? escalateOverdueRepair(t, now) : data(applyRepairCommand(t, cmd, actor, now, rules));
      if (!next) throw new Error('nothing to escalate');
      docs.push(next);
    }
    return docs;
  }

  it('a repair ticket made by newRepairTicket and carried through every lifecycle command parses back unchanged', () => {
    const docs = ticketHistory();
    const last = docs[docs.length - 1];
    // every optional part of a ticket is filled in somewhere along the way
    expect(last.status).toBe('confirmed');
    expect(last.rating).not.toBeNull();
    expect(last.escalations).toHaveLength(1);
    expect(last.breaches.length).toBeGreaterThan(0);
    expect(docs.some((t) => t.resolution !== null && t.resolution.photos.length > 0)).toBe(true);
    expect(last.history.some((e) => e.role === 'system' && e.note)).toBe(true);
    for (const t of docs) expect(repairTicketSchema.parse(t)).toEqual(t);
  });

  it('refuses a repair ticket in a status the product does not know, naming the field', () => {
    const [t] = ticketHistory();
    expect(refusedAt(repairTicketSchema, { ...t, status: 'lost' })).toContainEqual(['status']);
    expect(refusedAt(repairTicketSchema, { ...t, history: [{ ...t.history[0], at: '2026-03-11 10:00' }] })).toContainEqual(['history', 0, 'at']);
  });
});

describe('complaints', () => {
  const rules = DEFAULT_COMPLAINT_RULES;
  const cs: ComplaintActor = { id: 'cs-xu', role: 'customerService' };
  const engineering: ComplaintActor = { id: 'dm-eng', role: 'deptManager' };
  const materials: ComplaintActor = { id: 'dm-materials', role: 'deptManager' };
  const gm: ComplaintActor = { id: 'gm-sun', role: 'deptManager' };
  const owner: ComplaintActor = { id: 'owner-li', role: 'homeowner' };

  /** A repeat complaint taken by phone, forwarded, promised, overdue, rejected up the ladder and accepted. */
  function complaintHistory(): Complaint[] {
    const received: Complaint = {
      _id: 'c-2',
      ...newComplaint(
        {
          homeownerId: 'owner-li',
          projectId: 'p-cuihu',
          category: 'constructionQuality',
          description: '卫生间墙砖空鼓，敲起来声音发空',
          photos: ['local://uploads/cccccccccccccccccccccccc.jpg'],
          channel: 'phone',
          staff: { role: 'projectManager', id: 'sm-zhang', name: '张建国' },
          source: { kind: 'survey', id: 'p-cuihu--midStage' },
          receivedBy: { id: 'cs-xu', role: 'customerService' },
        },
        'c-1',
        new Date('2026-03-11T10:00:00+08:00').getTime(),
        rules,
      ),
    };
    const steps: [ComplaintCommand | 'overdue', ComplaintActor, number][] = [
      [{ type: 'forward', department: 'materials', reason: '是瓷砖本身的质量问题' }, engineering, new Date('2026-03-11T11:00:00+08:00').getTime()],
      [{ type: 'note', text: '已联系瓷砖供应商' }, materials, new Date('2026-03-11T12:00:00+08:00').getTime()],
      [{ type: 'promise', replyAt: new Date('2026-03-12T18:00:00+08:00').getTime(), text: '明天下午给出方案' }, materials, new Date('2026-03-11T12:30:00+08:00').getTime()],
      // the promised reply did not come: one level up
      ['overdue', cs, new Date('2026-03-12T18:05:00+08:00').getTime()],
      [{ type: 'propose', text: '更换空鼓的 6 块墙砖，费用由公司承担' }, cs, new Date('2026-03-13T09:00:00+08:00').getTime()],
      [{ type: 'reject', reason: '希望整面墙重新铺贴' }, owner, new Date('2026-03-13T10:00:00+08:00').getTime()],
      [{ type: 'propose', text: '整面墙重新铺贴，工期 3 天' }, gm, new Date('2026-03-13T15:00:00+08:00').getTime()],
      [{ type: 'accept' }, owner, new Date('2026-03-13T16:00:00+08:00').getTime()],
    ];
    const docs = [received];
    for (const [cmd, actor, now] of steps) {
      const c = docs[docs.length - 1];
      const next = cmd === 'overdue' ? escalateOverdueComplaint(c, now, rules) : data(applyComplaintCommand(c, cmd, actor, now, rules));
      if (!next) throw new Error('nothing overdue');
      docs.push(next);
    }
    return docs;
  }

  it('a complaint made by newComplaint and carried through every lifecycle command parses back unchanged', () => {
    const docs = complaintHistory();
    const last = docs[docs.length - 1];
    expect(last.status).toBe('closed');
    expect(last.priority).toBe('high');
    expect(last.firstOwnerId).toBe('cs-xu');
    expect(last.missedDeadlines).toHaveLength(1);
    expect(docs.some((c) => c.promisedReplyAt !== null)).toBe(true);
    for (const c of docs) expect(complaintSchema.parse(c)).toEqual(c);
  });

  it('refuses a complaint whose history names a department the product does not know, naming the field', () => {
    const [c] = complaintHistory();
    const history = [c.history[0], { ...c.history[1], department: 'purchasing' }];
    expect(refusedAt(complaintSchema, { ...c, history })).toContainEqual(['history', 1, 'department']);
    expect(refusedAt(complaintSchema, { ...c, status: 'lost' })).toContainEqual(['status']);
  });
});

describe('projects', () => {
  const by = { id: 'sm-zhang', name: '张建国' };
  const now = new Date('2026-03-11T10:00:00+08:00').getTime();

  /** Every milestone recorded, one corrected and one removed and recorded again, as the project function stores them. */
  function projectHistory(): Project[] {
    const inputs: MilestoneInput[] = [
      { milestone: 'depositPaid', date: '2025-06-01' },
      { milestone: 'contractSigned', date: '2025-06-10' },
      { milestone: 'plannedCompletion', date: '2025-12-01' },
      { milestone: 'started', date: '2025-07-01' },
      { milestone: 'concealedWorksDone', date: '2025-08-01' },
      { milestone: 'midPayment', date: '2025-09-01' },
      { milestone: 'completed', date: '2025-12-20' },
      { milestone: 'finalPayment', date: '2025-12-25' },
      { milestone: 'warrantyRegistered', date: '2025-12-26', warrantyBy: 'proxy' },
      { milestone: 'feedbackFormReceived', date: '2026-01-05' },
      { milestone: 'completed', date: '2025-12-22', reason: '竣工验收单上的日期是 22 日' },
      { milestone: 'feedbackFormReceived', date: null, reason: '收到的是另一户的反馈表' },
      { milestone: 'feedbackFormReceived', date: '2026-01-08' },
    ];
    const docs = [PROJECT];
    for (const input of inputs) {
      const p = docs[docs.length - 1];
      docs.push(data(withMilestoneChange(p, input, by, now)));
    }
    return docs;
  }

  it('a project with every milestone, their history and warrantyRegisteredBy parses back unchanged', () => {
    const docs = projectHistory();
    const last = docs[docs.length - 1];
    expect(Object.keys(last.milestones)).toHaveLength(10);
    expect(last.warrantyRegisteredBy).toBe('proxy');
    expect(last.milestoneHistory?.some((c) => c.to === null && c.reason)).toBe(true);
    for (const p of docs) expect(projectSchema.parse(p)).toEqual(p);
  });

  it('refuses a project whose milestone is not a YYYY-MM-DD date, naming the milestone', () => {
    expect(refusedAt(projectSchema, { ...PROJECT, milestones: { started: '2026/3/1' } })).toContainEqual(['milestones', 'started']);
    expect(refusedAt(projectSchema, { ...PROJECT, warrantyRegisteredBy: 'neighbour' })).toContainEqual(['warrantyRegisteredBy']);
  });
});

describe('follow-ups', () => {
  const project = { _id: 'p-cuihu', homeownerId: 'owner-li' };
  const agent = { _id: 'cs-xu', name: '徐客服' };
  const windows = PREFERRED_TIME_PRESETS[0].windows;
  // 2026-03-11 is a Wednesday
  const AFTER_REPAIR: PlannedFollowUp = { key: 'afterRepair:r-1', kind: 'afterRepair', dueDate: '2026-03-11', windowEnd: '2026-03-14', subjectId: 'r-1' };
  const MID: PlannedFollowUp = { key: 'midStage', kind: 'midStage', dueDate: '2026-03-11', windowEnd: '2026-03-14' };

  /** Planned, held, claimed, refused by WeChat, called twice, a draft saved, answered by phone. */
  function phonedFollowUps(): FollowUp[] {
    const planned: FollowUp = { _id: followUpId(project._id, AFTER_REPAIR.key), ...newFollowUp(project, AFTER_REPAIR, new Date('2026-03-01T10:00:00+08:00').getTime()) };
    const held = heldFollowUp(planned, new Date('2026-03-11T10:00:00+08:00').getTime(), 'outsideWindow', new Date('2026-03-11T08:00:00+08:00').getTime());
    const claim = { templateId: 'tpl-service', claimedAt: new Date('2026-03-11T10:00:00+08:00').getTime() };
    const claimed = claimedFollowUp(held, claim, new Date('2026-03-11T10:10:00+08:00').getTime(), new Date('2026-03-11T10:00:00+08:00').getTime());
    const refused = phoneTaskFollowUp(claimed, 'refused', new Date('2026-03-11T10:01:00+08:00').getTime(), new Date('2026-03-11T10:01:00+08:00').getTime(), 43101);
    const rules = (iso: string) => ({ now: new Date(iso).getTime(), windows, retryCallAfterHours: 2, maxCallAttempts: 3, minCallSpacingMinutes: 60 });
    const notNow = data(calledFollowUp(refused, { outcome: 'notNow', note: '在开会', callAt: new Date('2026-03-11T15:30:00+08:00').getTime() }, agent, rules('2026-03-11T10:05:00+08:00')));
    const unreachable = data(calledFollowUp(notNow, { outcome: 'unreachable', note: '' }, agent, rules('2026-03-11T15:30:00+08:00')));
    const drafted: FollowUp = { ...unreachable, draft: { repairContacted: 'yes', overall: 4 }, updatedAt: new Date('2026-03-11T20:00:00+08:00').getTime() };
    const answered = answeredFollowUp(drafted, { channel: 'phone', by: agent }, new Date('2026-03-12T10:00:00+08:00').getTime());
    return [planned, held, claimed, refused, notNow, unreachable, drafted, answered];
  }

  /** Planned, moved, cancelled and brought back, claimed, sent, unanswered, done. */
  function sentFollowUps(): FollowUp[] {
    const planned: FollowUp = { _id: followUpId(project._id, MID.key), ...newFollowUp(project, MID, new Date('2026-03-01T10:00:00+08:00').getTime()) };
    const moved = movedFollowUp(planned, { ...MID, dueDate: '2026-03-12', windowEnd: '2026-03-15' }, new Date('2026-03-02T10:00:00+08:00').getTime());
    const cancelled = cancelledFollowUp(moved, new Date('2026-03-03T10:00:00+08:00').getTime());
    const back = movedFollowUp(cancelled, MID, new Date('2026-03-04T10:00:00+08:00').getTime());
    const claim = { templateId: 'tpl-stage', claimedAt: new Date('2026-03-11T10:00:00+08:00').getTime() };
    const claimed = claimedFollowUp(back, claim, new Date('2026-03-11T10:10:00+08:00').getTime(), new Date('2026-03-11T10:00:00+08:00').getTime());
    const sent = sentFollowUp(claimed, new Date('2026-03-11T10:00:05+08:00').getTime());
    const unanswered = decidedFollowUp(
      sent,
      { kind: 'phoneTask', reason: 'unanswered', callAt: new Date('2026-03-15T10:00:00+08:00').getTime() },
      new Date('2026-03-15T00:00:00+08:00').getTime(),
    );
    const declined = data(calledFollowUp(unanswered, { outcome: 'declined', note: '业主说不需要回访' }, agent, {
      now: new Date('2026-03-15T10:05:00+08:00').getTime(), windows, retryCallAfterHours: 2, maxCallAttempts: 3, minCallSpacingMinutes: 60,
    }));
    return [planned, moved, cancelled, back, claimed, sent, unanswered, declined];
  }

  it('a follow-up made by newFollowUp and carried through every dispatch and phone step parses back unchanged', () => {
    const docs = [...phonedFollowUps(), ...sentFollowUps()];
    expect(new Set(docs.map((f) => f.state))).toEqual(new Set(['pending', 'sending', 'phoneTask', 'answered', 'cancelled', 'sent', 'done']));
    expect(docs.some((f) => f.message?.errcode === 43101)).toBe(true);
    expect(docs.some((f) => f.message?.sentAt)).toBe(true);
    expect(docs.some((f) => f.attempts.some((a) => a.callAt !== null))).toBe(true);
    expect(docs.some((f) => f.draft !== null)).toBe(true);
    for (const f of docs) expect(followUpSchema.parse(f)).toEqual(f);
  });

  it('refuses a follow-up in a state the product does not know, naming the field', () => {
    const [f] = phonedFollowUps();
    expect(refusedAt(followUpSchema, { ...f, state: 'lost' })).toContainEqual(['state']);
    expect(refusedAt(followUpSchema, { ...f, attempts: [{ at: 1, by: 'cs-xu', byName: '徐客服', outcome: 'hungUp', note: '', callAt: null }] })).toContainEqual([
      'attempts',
      0,
      'outcome',
    ]);
  });
});

describe('surveys', () => {
  it.each(SURVEY_STAGES.map((s) => [s] as const))('the default %s questionnaire parses back unchanged', (stage) => {
    const survey = DEFAULT_SURVEYS[stage];
    expect(surveySchema.parse(survey)).toEqual(survey);
  });

  it('a questionnaire as publish stores it parses back unchanged', () => {
    const { stage, title, intro, sections } = DEFAULT_SURVEYS.mid;
    const input = surveyDraftSchema.parse({ stage, title: ` ${title} `, intro, sections: sections.slice(0, 2) });
    const published: Survey = { ...input, version: 2, publishedAt: new Date('2026-03-11T10:00:00+08:00').getTime(), publishedBy: 'admin-zhou' };
    expect(published.title).toBe(title);
    expect(surveySchema.parse(published)).toEqual(published);
  });

  it('refuses a questionnaire with a question type the product does not know, naming the question', () => {
    const survey = DEFAULT_SURVEYS.mid;
    const [first, ...rest] = survey.sections;
    const broken = { ...survey, sections: [{ ...first, questions: [{ ...first.questions[0], type: 'stars' }, ...first.questions.slice(1)] }, ...rest] };
    expect(refusedAt(surveySchema, broken)).toContainEqual(['sections', 0, 'questions', 0, 'type']);
    expect(refusedAt(surveySchema, { ...survey, publishedAt: '2026-03-11' })).toContainEqual(['publishedAt']);
  });
});

describe('survey answers', () => {
  const project = { _id: 'p-cuihu', homeownerId: 'owner-li' };
  const planned = (kind: 'midStage' | 'depositWelcome'): FollowUp => {
    const p: PlannedFollowUp = { key: kind, kind, dueDate: '2026-03-11', windowEnd: '2026-03-14' };
    return { _id: followUpId(project._id, p.key), ...newFollowUp(project, p, new Date('2026-03-01T10:00:00+08:00').getTime()) };
  };

  function records(): SurveyAnswerRecord[] {
    const answered = newAnswerRecord(
      planned('midStage'),
      DEFAULT_SURVEYS.mid,
      { installation: 'poor', workersFollowRules: 'yes', overall: 2, improve: '安装师傅来得太晚' },
      { channel: 'miniProgram', by: { _id: 'owner-li' } },
      new Date('2026-03-11T10:00:00+08:00').getTime(),
    );
    // its complaints opened, as the survey function notes them on the record
    const opened: SurveyAnswerRecord = {
      ...answered,
      complaintIds: ['p-cuihu--midStage-materials', 'p-cuihu--midStage-other'],
      complaintsOpenedAt: new Date('2026-03-11T10:00:01+08:00').getTime(),
    };
    const byPhone = newAnswerRecord(planned('depositWelcome'), DEFAULT_SURVEYS.welcome, {}, { channel: 'phone', by: { _id: 'cs-xu' } }, new Date('2026-03-11T15:00:00+08:00').getTime());
    return [answered, opened, byPhone];
  }

  it('a survey answer made by newAnswerRecord, on either channel and with its complaints opened, parses back unchanged', () => {
    const docs = records();
    expect(docs.map((r) => r.score)).toEqual([2, 2, null]);
    for (const r of docs) expect(surveyAnswerRecordSchema.parse(r)).toEqual(r);
  });

  it('refuses a survey answer given on a channel the product does not know, naming the field', () => {
    const [record] = records();
    expect(refusedAt(surveyAnswerRecordSchema, { ...record, channel: 'email' })).toContainEqual(['channel']);
    expect(refusedAt(surveyAnswerRecordSchema, { ...record, answers: { overall: true } })).toContainEqual(['answers', 'overall']);
  });
});
