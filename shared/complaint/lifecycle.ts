import { fail, ok, type Result } from '../core/result';
import type { Department, Role } from '../core/roles';
import { DAY, HOUR, MINUTE, type Millis } from '../core/time';
import { escalationChain, type ComplaintRules } from './categories';
import { deadlineKey, withDeadlines, type Complaint, type ComplaintEvent, type ComplaintEventType, type ComplaintStatus } from './complaint';

export type ComplaintCommand =
  | { type: 'note'; text: string }
  | { type: 'promise'; replyAt: Millis; text: string }
  | { type: 'propose'; text: string }
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'forward'; department: Department; reason: string }
  | { type: 'evidence'; photos: string[]; note: string }
  | { type: 'finding'; text: string }
  | { type: 'legal'; note: string };

export interface ComplaintActor {
  id: string;
  role: Role | 'system';
}

const FROM: Record<ComplaintCommand['type'], readonly ComplaintStatus[]> = {
  note: ['forwarded', 'investigating', 'proposed'],
  promise: ['forwarded', 'investigating'],
  propose: ['forwarded', 'investigating'],
  accept: ['proposed'],
  reject: ['proposed'],
  forward: ['forwarded', 'investigating'],
  evidence: ['forwarded', 'investigating', 'proposed'],
  finding: ['forwarded', 'investigating'],
  legal: ['forwarded', 'investigating', 'proposed', 'closed', 'unresolved'],
};

/** Who gives each command: the level that owes the answer works it; the homeowner accepts or rejects. */
export const COMPLAINT_COMMAND_ACTORS: Record<ComplaintCommand['type'], 'handler' | 'homeowner'> = {
  note: 'handler',
  promise: 'handler',
  propose: 'handler',
  forward: 'handler',
  evidence: 'handler',
  finding: 'handler',
  legal: 'handler',
  accept: 'homeowner',
  reject: 'homeowner',
};

const MAX_PROMISE = 15 * DAY;

const EVENT_OF: Record<ComplaintCommand['type'], ComplaintEventType> = {
  note: 'noted',
  promise: 'promised',
  propose: 'proposed',
  accept: 'accepted',
  reject: 'rejected',
  forward: 'forwarded',
  evidence: 'evidence',
  finding: 'finding',
  legal: 'legalLiability',
};

export function allowedComplaintCommands(c: Pick<Complaint, 'status' | 'level' | 'legalLiability'>): ComplaintCommand['type'][] {
  return (Object.keys(FROM) as ComplaintCommand['type'][]).filter(
    (t) => FROM[t].includes(c.status) && !(t === 'forward' && c.level > 0) && !(t === 'legal' && c.legalLiability !== null),
  );
}

/** Applies one step of the complaint process and answers the complaint as it is afterwards. Pure. */
export function applyComplaintCommand(
  c: Complaint,
  cmd: ComplaintCommand,
  actor: ComplaintActor,
  now: Millis,
  rules: ComplaintRules,
): Result<Complaint> {
  if (!FROM[cmd.type].includes(c.status)) {
    return fail('COMPLAINT.WRONG_STATUS', '这条投诉当前的状态不能进行此操作，请刷新后查看最新进度');
  }
  const next: Complaint = { ...c, updatedAt: now };
  let note: string | undefined;
  switch (cmd.type) {
    case 'note':
      if (c.status === 'forwarded') next.status = 'investigating';
      note = cmd.text;
      break;
    case 'promise':
      if (cmd.replyAt <= now + MINUTE) return fail('COMPLAINT.PROMISE_IN_PAST', '承诺答复的时间必须晚于现在');
      if (cmd.replyAt > now + MAX_PROMISE) return fail('COMPLAINT.PROMISE_TOO_FAR', '承诺答复的时间请在 15 天以内');
      next.status = 'investigating';
      next.promisedReplyAt = cmd.replyAt;
      next.replyBy = cmd.replyAt;
      note = cmd.text;
      break;
    case 'propose':
      next.status = 'proposed';
      next.proposal = { text: cmd.text, at: now, by: actor.id, level: c.level };
      note = cmd.text;
      break;
    case 'accept':
      next.status = 'closed';
      next.closedAt = now;
      break;
    case 'reject':
      note = cmd.reason;
      if (c.level + 1 < c.chain.length) {
        moveToLevel(next, c.level + 1, now, rules);
      } else {
        next.status = 'unresolved';
        next.closedAt = now;
      }
      break;
    case 'evidence':
      if (c.status === 'forwarded') next.status = 'investigating';
      next.evidence = [...c.evidence, { photos: cmd.photos, note: cmd.note, at: now, by: actor.id }];
      note = cmd.note;
      break;
    case 'finding':
      if (c.status === 'forwarded') next.status = 'investigating';
      next.finding = { text: cmd.text, at: now, by: actor.id };
      note = cmd.text;
      break;
    case 'legal':
      // marked once: the first mark, with its note, is what the report to the police refers to
      if (c.legalLiability !== null) return fail('COMPLAINT.ALREADY_MARKED', '这条投诉已标记为涉及法律责任');
      next.legalLiability = { note: cmd.note, at: now, by: actor.id };
      note = cmd.note;
      break;
    case 'forward': {
      if (c.level > 0) return fail('COMPLAINT.CANNOT_FORWARD', '复审阶段的投诉不能改派部门');
      if (cmd.department === c.department) return fail('COMPLAINT.SAME_DEPARTMENT', '投诉已在这个部门，无需改派');
      next.chain = escalationChain(cmd.department, rules.ladder);
      next.department = cmd.department;
      next.status = 'forwarded';
      note = cmd.reason;
      break;
    }
  }
  const type = EVENT_OF[cmd.type];
  // a forward is recorded with the department it went to; every other step with the level it happened at
  next.history = [...c.history, event(type, actor, now, cmd.type === 'forward' ? next : c, note)];
  if (cmd.type === 'reject' && next.level !== c.level) {
    next.history.push(event('escalated', { id: 'system', role: 'system' }, now, next, '业主不接受处理方案，转上一级复审'));
  }
  return ok(withDeadlines(next));
}

/**
 * What the overdue timer does to one complaint whose answer is late: move it one level up with a
 * fresh reply window, or, at the top of the ladder, record that the top level is late. Each missed
 * deadline is acted on once: a second run over the same complaint changes nothing.
 */
export function escalateOverdueComplaint(c: Complaint, now: Millis, rules: ComplaintRules): Complaint | null {
  if (c.nextDeadlineAt === null || c.nextDeadlineAt >= now) return null;
  const key = deadlineKey(c);
  if (c.missedDeadlines.includes(key)) return null;
  const next: Complaint = { ...c, updatedAt: now, missedDeadlines: [...c.missedDeadlines, key] };
  const system = { id: 'system', role: 'system' as const };
  if (c.level + 1 < c.chain.length) {
    moveToLevel(next, c.level + 1, now, rules);
    next.history = [...c.history, event('escalated', system, now, next, '超过答复期限未答复，自动升级')];
  } else {
    next.history = [...c.history, event('overdueAtTop', system, now, c, '最高一级也已超过答复期限')];
  }
  return withDeadlines(next);
}

function moveToLevel(c: Complaint, level: number, now: Millis, rules: ComplaintRules): void {
  c.level = level;
  c.department = c.chain[level];
  c.status = 'forwarded';
  c.replyBy = now + rules.replyWithinHours * HOUR;
  c.promisedReplyAt = null;
}

function event(type: ComplaintEventType, actor: ComplaintActor, at: Millis, c: Pick<Complaint, 'level' | 'department'>, note?: string): ComplaintEvent {
  const e: ComplaintEvent = { type, at, by: actor.id, role: actor.role, level: c.level, department: c.department };
  return note === undefined ? e : { ...e, note };
}
