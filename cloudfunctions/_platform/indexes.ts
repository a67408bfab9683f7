/**
 * The database indexes the functions need in CloudBase: the one list of them. docs/deploy.md shows it
 * as the table to create in the console (`npx tsx scripts/indexes.ts` prints that table, and a test
 * keeps the two equal), and the integration suite fails on any query it runs that none of them serves
 * (tests/integration/indexes.setup.ts). A new query on a new field needs its index here first.
 */
import type { COLLECTIONS } from './stores';

export type IndexedCollection = keyof typeof COLLECTIONS;
export type IndexField = readonly [field: string, order: 'asc' | 'desc'];

export interface IndexDeclaration {
  collection: IndexedCollection;
  /** in this order */
  fields: readonly IndexField[];
  /** the queries it serves, for the deployer */
  usedBy: string;
}

export const INDEXES: readonly IndexDeclaration[] = [
  { collection: 'repairs', fields: [['siteManagerId', 'asc'], ['status', 'asc']], usedBy: "a site manager's open tickets" },
  { collection: 'repairs', fields: [['siteManagerId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']], usedBy: "a site manager's closed tickets (历史), newest first, a page at a time" },
  { collection: 'repairs', fields: [['homeownerId', 'asc'], ['createdAt', 'desc']], usedBy: "a homeowner's tickets, newest first" },
  { collection: 'repairs', fields: [['nextDeadlineAt', 'asc'], ['department', 'asc']], usedBy: 'overdue tickets of a department' },
  { collection: 'repairs', fields: [['escalateAt', 'asc']], usedBy: 'the `escalate` timer' },
  {
    collection: 'repairs',
    fields: [['projectId', 'asc'], ['status', 'asc']],
    usedBy: "the `dispatch` timer's batched read of the open repairs of a page's projects; a project's repairs when its follow-ups are planned",
  },
  { collection: 'repairs', fields: [['ref', 'asc']], usedBy: 'staff finding a ticket by its reference (BX-…)' },
  { collection: 'repairs', fields: [['tracked', 'asc'], ['status', 'asc']], usedBy: "customer service's defects found in follow-ups, tracked until confirmed" },
  { collection: 'complaints', fields: [['escalateAt', 'asc']], usedBy: 'the `escalate` timer' },
  { collection: 'complaints', fields: [['handlerId', 'asc'], ['status', 'asc']], usedBy: '指派给我 (`complaint.assigned`); choosing the handler with the fewest open complaints' },
  { collection: 'complaints', fields: [['ref', 'asc']], usedBy: 'staff finding a complaint by its reference (TS-…)' },
  { collection: 'complaints', fields: [['homeownerId', 'asc'], ['receivedAt', 'desc']], usedBy: "a homeowner's complaints; repeat detection" },
  { collection: 'complaints', fields: [['department', 'asc'], ['status', 'asc']], usedBy: "a department's queue" },
  { collection: 'complaints', fields: [['status', 'asc']], usedBy: "customer service's and the admin's queue: the open complaints of every department" },
  { collection: 'complaints', fields: [['status', 'asc'], ['receivedAt', 'desc']], usedBy: "the closed complaints (历史) of every department, newest first, a page at a time" },
  { collection: 'complaints', fields: [['department', 'asc'], ['status', 'asc'], ['receivedAt', 'desc']], usedBy: "a department's closed complaints (历史), newest first, a page at a time" },
  { collection: 'complaints', fields: [['handlerId', 'asc'], ['status', 'asc'], ['receivedAt', 'desc']], usedBy: '指派给我 closed (历史), newest first, a page at a time' },
  {
    collection: 'complaints',
    fields: [['projectId', 'asc'], ['status', 'asc']],
    usedBy: "the `dispatch` timer's batched read of the open complaints of a page's projects; a project's complaints when its follow-ups are planned",
  },
  { collection: 'projects', fields: [['homeownerId', 'asc'], ['createdAt', 'desc']], usedBy: "the homeowner's projects, newest first" },
  { collection: 'projects', fields: [['siteManagerId', 'asc'], ['createdAt', 'desc']], usedBy: "the site manager's projects, newest first" },
  { collection: 'projects', fields: [['createdAt', 'desc']], usedBy: 'customer service and managers listing every project, newest first' },
  { collection: 'projects', fields: [['name', 'asc']], usedBy: "staff finding a caller's project by name" },
  { collection: 'siteVisits', fields: [['projectId', 'asc'], ['at', 'desc']], usedBy: "a project's site photos and visits, newest first; a project's records when it passes retention" },
  { collection: 'siteVisits', fields: [['homeownerId', 'asc'], ['at', 'desc']], usedBy: "the homeowner's site records in 我的数据; their deletion" },
  { collection: 'users', fields: [['phone', 'asc']], usedBy: "staff finding a caller's project by phone" },
  { collection: 'users', fields: [['name', 'asc']], usedBy: "customer service finding a homeowner by name (`followup.lookup`)" },
  {
    collection: 'users',
    fields: [['roles', 'asc'], ['department', 'asc'], ['name', 'asc']],
    usedBy: 'the staff of a role (and department): who handles a complaint, which managers a notice goes to, the admin\'s staff list, the site managers a ticket can be given to',
  },
  { collection: 'users', fields: [['department', 'asc']], usedBy: "a department's staff: who follows up a defect" },
  { collection: 'followups', fields: [['nextActionAt', 'asc']], usedBy: 'the `dispatch` timer' },
  { collection: 'followups', fields: [['state', 'asc'], ['callAt', 'asc']], usedBy: "customer service's phone tasks" },
  { collection: 'followups', fields: [['projectId', 'asc']], usedBy: "a project's follow-ups (planning, the project page)" },
  { collection: 'followups', fields: [['homeownerId', 'asc']], usedBy: "the homeowner's home page" },
  { collection: 'notices', fields: [['pushAt', 'asc']], usedBy: 'the `push` timer' },
  { collection: 'notices', fields: [['to', 'asc'], ['createdAt', 'desc']], usedBy: "a user's 消息 list" },
  { collection: 'notices', fields: [['to', 'asc'], ['readAt', 'asc']], usedBy: 'the unread count' },
  { collection: 'consentLedger', fields: [['homeownerId', 'asc'], ['seq', 'asc']], usedBy: 'a homeowner\'s consent ledger (the screen, and `marketingAllowed` at every marketing send)' },
  { collection: 'deletionRequests', fields: [['pendingUntil', 'asc']], usedBy: "the `retention` timer's deletions that came due" },
  { collection: 'prospects', fields: [['nextCallAt', 'asc']], usedBy: "customer service's queue of prospects due a call" },
  { collection: 'projects', fields: [['milestones.completed', 'asc'], ['anonymisedAt', 'asc']], usedBy: "the `retention` timer's projects past retention" },
  { collection: 'auditLog', fields: [['subjectId', 'asc'], ['at', 'desc']], usedBy: "an admin reading one homeowner's audit log; 我的数据's count of staff reads" },
  { collection: 'auditLog', fields: [['at', 'desc']], usedBy: 'an admin reading the whole audit log' },
  { collection: 'surveyAnswers', fields: [['homeownerId', 'asc'], ['at', 'desc']], usedBy: '我的数据' },
  { collection: 'projects', fields: [['planAt', 'asc'], ['_id', 'asc']], usedBy: 'the `plan` timer' },
  { collection: 'followups', fields: [['dueDate', 'asc'], ['_id', 'asc']], usedBy: 'the weekly report' },
  { collection: 'followups', fields: [['projectId', 'asc'], ['_id', 'asc']], usedBy: "the weekly report's follow-ups of each project" },
  { collection: 'complaints', fields: [['receivedAt', 'asc'], ['_id', 'asc']], usedBy: 'the monthly report' },
  { collection: 'complaints', fields: [['closedAt', 'asc'], ['_id', 'asc']], usedBy: 'the monthly report' },
  { collection: 'repairs', fields: [['createdAt', 'asc'], ['_id', 'asc']], usedBy: 'the monthly report' },
  { collection: 'repairs', fields: [['status', 'asc'], ['department', 'asc']], usedBy: 'the company at a glance (`report.glance`)' },
  { collection: 'surveyAnswers', fields: [['at', 'asc'], ['_id', 'asc']], usedBy: 'the monthly report' },
  { collection: 'reports', fields: [['kind', 'asc'], ['_id', 'desc']], usedBy: 'the report list, newest first' },
  { collection: 'reports', fields: [['builtAt', 'asc']], usedBy: "the `reporter` timer's removal of reports past retention" },
  { collection: 'adminHistory', fields: [['kind', 'asc'], ['at', 'desc']], usedBy: "an admin's history of one kind of change" },
  { collection: 'adminHistory', fields: [['ref', 'asc'], ['at', 'desc']], usedBy: 'the history of one setting, person or site' },
  { collection: 'adminHistory', fields: [['at', 'desc']], usedBy: "an admin's history of every change" },
  { collection: 'invites', fields: [['projectId', 'asc'], ['redeemedBy', 'asc']], usedBy: "an import finding a project's open invite code" },
  { collection: 'surveyProposals', fields: [['state', 'asc'], ['proposedAt', 'asc']], usedBy: 'questionnaires waiting for approval' },
  {
    collection: 'surveyAnswers',
    fields: [['complaintsOpenedAt', 'asc'], ['at', 'asc']],
    usedBy: "the `escalate` timer's recovery of cut-off submissions",
  },
  { collection: 'campaigns', fields: [['status', 'asc'], ['sendAt', 'asc']], usedBy: "the `campaign` timer's campaigns whose time came, audience still to gather" },
  { collection: 'campaigns', fields: [['createdAt', 'desc']], usedBy: "an admin's campaign list, newest first" },
  { collection: 'campaignSends', fields: [['nextAt', 'asc']], usedBy: 'the `campaign` timer' },
  { collection: 'campaignSends', fields: [['campaignId', 'asc'], ['state', 'asc']], usedBy: "a campaign's counts of sent, skipped and waiting" },
  { collection: 'campaignSends', fields: [['state', 'asc'], ['callAt', 'asc']], usedBy: "customer service's calls of phone campaigns" },
  { collection: 'campaignSends', fields: [['homeownerId', 'asc'], ['state', 'asc'], ['sentAt', 'desc']], usedBy: 'the marketing messages sent to a homeowner, newest first (我的数据)' },
  { collection: 'recordApprovals', fields: [['staffId', 'asc'], ['kind', 'asc'], ['expiresAt', 'desc']], usedBy: "whether a staff member's approval to read phone follow-up records stands" },
  { collection: 'recordApprovals', fields: [['kind', 'asc'], ['at', 'desc']], usedBy: "the admin's list of approvals to read phone follow-up records (`admin.recordAccess`)" },
  { collection: 'recordApprovals', fields: [['staffId', 'asc'], ['kind', 'asc'], ['at', 'desc']], usedBy: "one staff member's approvals, newest first" },
  { collection: 'enquiries', fields: [['homeownerId', 'asc'], ['receivedAt', 'desc']], usedBy: "a homeowner's enquiries and suggestions, newest first (and 我的数据)" },
  { collection: 'enquiries', fields: [['status', 'asc'], ['receivedAt', 'desc']], usedBy: "the service desk's queue: the open ones, and the answered ones newest first, a page at a time" },
  { collection: 'enquiries', fields: [['escalateAt', 'asc']], usedBy: 'the `escalate` timer: enquiries unanswered 24 hours' },
  { collection: 'enquiries', fields: [['ref', 'asc']], usedBy: 'customer service finding a homeowner by a reference (ZX-…)' },
  { collection: 'enquiries', fields: [['receivedAt', 'asc'], ['_id', 'asc']], usedBy: 'the monthly report' },
];

/** A query as the database runs it: the fields it filters on, and what it sorts by. */
export interface QueryShapeOf {
  collection: string;
  filters: Record<string, unknown>;
  sort: readonly { field: string }[];
}

/**
 * Whether one of `indexes` serves the query: one whose first field the query filters on (or sorts on
 * first) and that holds every field the query sorts on, so the database neither scans the collection
 * nor sorts more than the documents the leading fields pick. Further filters on fields outside the index
 * are checked on those documents. A query on `_id` is served by the primary key; one with neither
 * filter nor sort reads the collection in its own order and needs none.
 */
export function servedBy(query: QueryShapeOf, indexes: readonly IndexDeclaration[] = INDEXES): IndexDeclaration | 'primary key' | 'none needed' | null {
  const filtered = Object.keys(query.filters);
  const sorted = query.sort.map((s) => s.field);
  if (filtered.includes('_id') || (filtered.length === 0 && sorted.every((f) => f === '_id'))) {
    return filtered.length === 0 && sorted.length === 0 ? 'none needed' : 'primary key';
  }
  return (
    indexes.find((index) => {
      if (index.collection !== query.collection) return false;
      const fields = index.fields.map(([f]) => f);
      const first = fields[0] ?? '';
      return (filtered.includes(first) || sorted[0] === first) && sorted.every((f) => fields.includes(f));
    }) ?? null
  );
}

/** The index table of docs/deploy.md, in the console's words (升序/降序). */
export function indexTable(indexes: readonly IndexDeclaration[] = INDEXES): string {
  const order = { asc: '升序', desc: '降序' } as const;
  const rows = indexes.map(
    (i) => `| \`${i.collection}\` | ${i.fields.map(([f, o]) => `\`${f}\` ${order[o]}`).join(', ')} | ${i.usedBy} |`,
  );
  return ['| collection | index fields (in this order) | used by |', '| --- | --- | --- |', ...rows].join('\n');
}
