import { fail, ok, type Result } from '../core/result';
import type { Role } from '../core/roles';
import { DAY, MINUTE, type Millis } from '../core/time';
import type { RepairRules } from './categories';
import { missedDeadlines, nextDeadline, nextEscalation, openDeadlines, repairDeadlines } from './deadlines';
import { OPEN_REPAIR_STATUSES, type RepairEventType, type RepairRating, type RepairStatus, type RepairTicket } from './ticket';

export type RepairCommand =
  | { type: 'accept' }
  | { type: 'schedule'; visitAt: Millis }
  | { type: 'arrive' }
  | { type: 'resolve'; note: string; photos: string[] }
  | { type: 'confirm' }
  | { type: 'reopen'; reason: string }
  | { type: 'rate'; rating: Omit<RepairRating, 'at'> }
  | { type: 'cancel'; reason: string }
  | { type: 'addInfo'; text: string; photos: string[] };

export interface Actor {
  id: string;
  role: Role;
}

/** Which commands each status allows, and the status each one leads to. */
const TRANSITIONS: Record<RepairCommand['type'], { from: readonly RepairStatus[]; to: RepairStatus | null }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  schedule: { from: ['accepted', 'scheduled', 'reopened'], to: 'scheduled' },
  arrive: { from: ['accepted', 'scheduled', 'reopened'], to: 'onSite' },
  resolve: { from: ['onSite'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'confirmed' },
  reopen: { from: ['resolved'], to: 'reopened' },
  rate: { from: ['confirmed'], to: null },
  /** only before a site manager has taken it on: after that the visit is being arranged */
  cancel: { from: ['submitted'], to: 'cancelled' },
  /** while the repair is open, the homeowner can tell the site manager more */
  addInfo: { from: OPEN_REPAIR_STATUSES, to: null },
};

/** Who may give each command: the site manager works the ticket, the homeowner closes the loop. */
export const COMMAND_ACTORS: Record<RepairCommand['type'], 'siteManager' | 'homeowner'> = {
  accept: 'siteManager',
  schedule: 'siteManager',
  arrive: 'siteManager',
  resolve: 'siteManager',
  confirm: 'homeowner',
  reopen: 'homeowner',
  rate: 'homeowner',
  cancel: 'homeowner',
  addInfo: 'homeowner',
};

/** The commands a ticket in this state allows now. */
export function allowedCommands(t: Pick<RepairTicket, 'status' | 'rating'>): RepairCommand['type'][] {
  return (Object.keys(TRANSITIONS) as RepairCommand['type'][]).filter(
    (c) => TRANSITIONS[c].from.includes(t.status) && !(c === 'rate' && t.rating !== null),
  );
}

const MAX_SCHEDULE_AHEAD = 60 * DAY;

/** DOMAIN §5: resolved "with photos and a note" — a repair is never closed on a word alone. */
const RESOLUTION_INCOMPLETE = () =>
  fail('REPAIR.RESOLUTION_INCOMPLETE', '登记修好需要至少 1 张维修后的照片和一段维修说明', {
    photos: '请至少上传 1 张维修后的照片',
    note: '请填写维修说明',
  });

/**
 * Applies one command to a ticket and answers the ticket as it is afterwards, or why the command
 * cannot be applied. Pure: `now` and the rules are passed in.
 */
export function applyRepairCommand(
  t: RepairTicket,
  cmd: RepairCommand,
  actor: Actor,
  now: Millis,
  rules: RepairRules,
): Result<RepairTicket> {
  const rule = TRANSITIONS[cmd.type];
  if (!rule.from.includes(t.status) || (cmd.type === 'rate' && t.rating !== null)) {
    return cmd.type === 'cancel' && t.status !== 'cancelled'
      ? fail('REPAIR.ALREADY_ACCEPTED', '项目经理已经接单，不能在线取消了；如果不需要维修，请联系项目经理')
      : fail('REPAIR.WRONG_STATUS', wrongStatusMessage(cmd.type));
  }
  const next: RepairTicket = { ...t, updatedAt: now, status: rule.to ?? t.status };
  let note: string | undefined;
  let photos: string[] | undefined;
  switch (cmd.type) {
    case 'schedule':
      if (cmd.visitAt < now - 5 * MINUTE) return fail('REPAIR.VISIT_IN_PAST', '上门时间不能早于现在，请重新选择');
      if (cmd.visitAt > now + MAX_SCHEDULE_AHEAD) return fail('REPAIR.VISIT_TOO_FAR', '上门时间请约在 60 天以内');
      next.visitAt = cmd.visitAt;
      next.contactedAt = t.contactedAt ?? now; // agreeing a time means the homeowner was reached
      break;
    case 'arrive':
      next.contactedAt = t.contactedAt ?? now;
      next.onSiteAt = now;
      break;
    case 'resolve':
      if (cmd.photos.length === 0 || cmd.note.trim().length === 0) return RESOLUTION_INCOMPLETE();
      next.resolution = { note: cmd.note, photos: cmd.photos, at: now };
      note = cmd.note;
      break;
    case 'confirm':
      next.confirmedAt = now;
      break;
    case 'reopen': {
      next.reopenCount = t.reopenCount + 1;
      next.deadlines = repairDeadlines(t.category, null, now, rules);
      next.contactedAt = null;
      next.onSiteAt = null;
      next.visitAt = null;
      next.resolution = null;
      note = cmd.reason;
      break;
    }
    case 'rate':
      next.rating = { ...cmd.rating, at: now };
      note = cmd.rating.comment || undefined;
      break;
    case 'cancel':
      note = cmd.reason || undefined;
      break;
    case 'addInfo':
      note = cmd.text;
      photos = cmd.photos.length ? cmd.photos : undefined;
      break;
    case 'accept':
      break;
  }
  next.nextDeadlineAt = nextDeadline(next);
  next.escalateAt = nextEscalation(next);
  // a reopen starts a new round whose deadlines lie ahead; the last round's were settled when it ended
  if (cmd.type !== 'reopen') next.breaches = recordBreaches(next, now);
  next.history = [...t.history, event(cmd.type, actor, now, next.status, note, photos)];
  return ok(next);
}

/**
 * Every deadline of the current round missed by `now` (met late, or open and past), added once per
 * round and kind to what the ticket already records. Used after each step and by the overdue timer.
 */
export function recordBreaches(t: RepairTicket, now: Millis): RepairTicket['breaches'] {
  const breaches = [...t.breaches];
  for (const kind of missedDeadlines(t, now)) {
    if (!breaches.some((b) => b.kind === kind && b.round === t.reopenCount)) {
      breaches.push({ kind, round: t.reopenCount, dueAt: kind === 'contact' ? t.deadlines.contactBy : t.deadlines.onSiteBy });
    }
  }
  return breaches;
}

/**
 * What the escalation timer does to a ticket: every open deadline already past and not yet escalated
 * in this round goes to the department manager, once; the breach is recorded for reports. Answers
 * null when there is nothing new to escalate, so a second run changes nothing.
 */
export function escalateOverdueRepair(t: RepairTicket, now: Millis): RepairTicket | null {
  const fresh = openDeadlines(t).filter(
    (d) => d.dueAt < now && !t.escalations.some((e) => e.kind === d.kind && e.round === t.reopenCount),
  );
  if (fresh.length === 0) return null;
  const next: RepairTicket = {
    ...t,
    updatedAt: now,
    escalations: [...t.escalations, ...fresh.map((d) => ({ kind: d.kind, round: t.reopenCount, at: now }))],
    breaches: recordBreaches(t, now),
  };
  next.escalateAt = nextEscalation(next);
  const what = fresh.map((d) => (d.kind === 'contact' ? '联系业主' : '上门')).join('、');
  next.history = [...t.history, { type: 'escalate', at: now, by: 'system', role: 'system', status: t.status, note: `${what}已超时，已通知部门经理` }];
  return next;
}

function event(type: RepairEventType, actor: Actor, at: Millis, status: RepairStatus, note?: string, photos?: string[]) {
  return { type, at, by: actor.id, role: actor.role, status, ...(note === undefined ? {} : { note }), ...(photos ? { photos } : {}) };
}

function wrongStatusMessage(cmd: RepairCommand['type']): string {
  const what: Record<RepairCommand['type'], string> = {
    accept: '接单',
    schedule: '约定上门时间',
    arrive: '登记到场',
    resolve: '登记修好',
    confirm: '确认修好',
    reopen: '重新报修',
    rate: '评价',
    cancel: '取消',
    addInfo: '补充信息',
  };
  return `这张报修单当前状态下不能${what[cmd]}，请刷新后查看最新进度`;
}
