import { STAFF_ROLE_LABELS, type StaffRole } from '../complaint/categories';
import type { Complaint } from '../complaint/complaint';
import type { User } from '../core/roles';
import { ENQUIRY_KIND_LABELS, ENQUIRY_KINDS, type Enquiry } from '../enquiry/enquiry';
import { HOUR, type Millis } from '../core/time';
import type { Project } from '../project/project';
import { REPAIR_CATEGORY_LABELS, type RepairCategory } from '../repair/categories';
import type { RepairTicket } from '../repair/ticket';
import type { SurveyAnswerRecord } from '../survey/api';
import { SURVEY_STAGES, type SurveyStage } from '../survey/catalogue';
import { DEFAULT_SURVEYS } from '../survey/defaults';
import { periodBounds, type Period } from './periods';
import type { MonthlyFigures } from './report';

export interface MonthlyInput {
  period: Period;
  previous: Period;
  projects: Project[];
  /** complaints received in the period or the previous one, or closed in the period */
  complaints: Complaint[];
  /** tickets that may have a deadline in the period (created up to a month before it) */
  repairs: RepairTicket[];
  /** survey answers given in the period or the previous one */
  answers: SurveyAnswerRecord[];
  /** enquiries, suggestions and service needs received in the period */
  enquiries: Enquiry[];
  siteManagers: Map<string, User>;
}

const RATED = ['designer', 'inspector', 'projectManager'] as const;
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (xs: number[], places = 2): number | null => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, places) : null);
const within = (at: Millis, b: { start: Millis; end: Millis }) => at >= b.start && at < b.end;

/** Each designer, inspector and project manager named on the projects, with the projects that name them. */
function namedStaff(projects: Project[]) {
  const staff = new Map<string, { staffId: string; name: string; role: StaffRole; projects: Project[] }>();
  for (const p of projects) {
    for (const role of RATED) {
      const ref = p.staff[role];
      if (!ref) continue;
      const key = `${role}:${ref.id}`;
      const entry = staff.get(key) ?? { staffId: ref.id, name: ref.name, role, projects: [] };
      entry.projects.push(p);
      staff.set(key, entry);
    }
  }
  return [...staff.values()];
}

/**
 * The monthly report (001 §八, 003 流程 8, DOMAIN §9): complaint ratio per designer, inspector and project
 * manager; repair deadline breaches per site manager and category; complaint count, handling time and
 * satisfaction with the handling; average satisfaction per stage and per staff member against last
 * month; the requests registered at the service desk by kind. Pure.
 */
export function monthlyFigures(input: MonthlyInput): MonthlyFigures {
  const now = periodBounds(input.period);
  const before = periodBounds(input.previous);
  // a project counts for a staff member when it was running during the period: created before its end, not completed before its start
  const active = (p: Project) => p.createdAt < now.end && !(p.milestones.completed && p.milestones.completed < input.period.from);

  const received = input.complaints.filter((c) => within(c.receivedAt, now));
  const staff = namedStaff(input.projects);
  const complaintRatios = staff
    .map((s) => {
      const projects = s.projects.filter(active).length;
      const complaints = received.filter((c) => c.staff?.id === s.staffId && c.staff.role === s.role).length;
      return { staffId: s.staffId, name: s.name, role: s.role, roleLabel: STAFF_ROLE_LABELS[s.role], projects, complaints, ratio: projects ? round(complaints / projects, 3) : 0 };
    })
    .filter((r) => r.projects > 0 || r.complaints > 0)
    .sort((a, b) => b.ratio - a.ratio || b.complaints - a.complaints || a.name.localeCompare(b.name));

  const breachRows = new Map<string, { siteManagerId: string; category: RepairCategory; breaches: number; tickets: Set<string> }>();
  for (const t of input.repairs) {
    for (const b of t.breaches) {
      if (!within(b.dueAt, now)) continue;
      const key = `${t.siteManagerId}:${t.category}`;
      const row = breachRows.get(key) ?? { siteManagerId: t.siteManagerId, category: t.category, breaches: 0, tickets: new Set<string>() };
      row.breaches += 1;
      row.tickets.add(t._id);
      breachRows.set(key, row);
    }
  }
  const repairBreaches = [...breachRows.values()]
    .map((r) => ({ siteManagerId: r.siteManagerId, name: input.siteManagers.get(r.siteManagerId)?.name ?? r.siteManagerId, category: r.category, categoryLabel: REPAIR_CATEGORY_LABELS[r.category], breaches: r.breaches, tickets: r.tickets.size }))
    .sort((a, b) => b.breaches - a.breaches || a.name.localeCompare(b.name) || a.category.localeCompare(b.category));

  const closed = input.complaints.filter((c) => c.status === 'closed' && c.closedAt !== null && within(c.closedAt, now));
  const handling = input.answers.filter((a) => a.stage === 'afterComplaint' && a.score !== null && within(a.at, now)).map((a) => a.score ?? 0);
  const unresolved = input.complaints.filter((c) => c.status === 'unresolved' && within(c.updatedAt, now)).length;

  const scored = (b: { start: Millis; end: Millis }) => input.answers.filter((a) => a.score !== null && within(a.at, b));
  const thisMonth = scored(now);
  const lastMonth = scored(before);
  const scoresOf = (answers: SurveyAnswerRecord[], keep: (a: SurveyAnswerRecord) => boolean) => answers.filter(keep).map((a) => a.score ?? 0);

  const satisfactionByStage = SURVEY_STAGES.map((stage: SurveyStage) => {
    const these = scoresOf(thisMonth, (a) => a.stage === stage);
    return { stage, label: DEFAULT_SURVEYS[stage].title, average: mean(these), answers: these.length, previousAverage: mean(scoresOf(lastMonth, (a) => a.stage === stage)) };
  }).filter((r) => r.answers > 0 || r.previousAverage !== null);

  const satisfactionByStaff = staff
    .map((s) => {
      const ids = new Set(s.projects.map((p) => p._id));
      const these = scoresOf(thisMonth, (a) => ids.has(a.projectId));
      return {
        staffId: s.staffId, name: s.name, role: s.role, roleLabel: STAFF_ROLE_LABELS[s.role],
        average: mean(these), answers: these.length, previousAverage: mean(scoresOf(lastMonth, (a) => ids.has(a.projectId))),
      };
    })
    .filter((r) => r.answers > 0 || r.previousAverage !== null)
    .sort((a, b) => (a.average ?? 99) - (b.average ?? 99) || a.name.localeCompare(b.name));

  return {
    previous: input.previous,
    complaintRatios,
    repairBreaches,
    complaints: {
      received: received.length,
      closed: closed.length,
      unresolved,
      averageHandlingHours: mean(closed.map((c) => ((c.closedAt ?? c.receivedAt) - c.receivedAt) / HOUR), 1),
      handlingSatisfaction: mean(handling),
      handlingAnswers: handling.length,
    },
    satisfactionByStage,
    satisfactionByStaff,
    overall: { average: mean(thisMonth.map((a) => a.score ?? 0)), answers: thisMonth.length, previousAverage: mean(lastMonth.map((a) => a.score ?? 0)) },
    desk: deskFigures(input.enquiries.filter((e) => within(e.receivedAt, now))),
  };
}

/** The desk's requests of the period by kind, and whether each was answered within its 24 hours. */
function deskFigures(received: Enquiry[]): MonthlyFigures['desk'] {
  return {
    received: received.length,
    byKind: ENQUIRY_KINDS.map((kind) => ({ kind, label: ENQUIRY_KIND_LABELS[kind], count: received.filter((e) => e.kind === kind).length })),
    answeredInTime: received.filter((e) => e.reply && e.reply.at <= e.replyBy).length,
    answeredLate: received.filter((e) => e.reply && e.reply.at > e.replyBy).length,
    open: received.filter((e) => !e.reply).length,
  };
}
