import * as z from 'zod/mini';
import { recordApprovalSchema } from '@shared/admin/recordAccess';
import { adminChangeSchema, inviteSchema, surveyProposalSchema } from '@shared/admin/records';
import { auditEntrySchema } from '@shared/core/audit';
import { campaignSchema, campaignSendSchema } from '@shared/campaign/campaign';
import { userSchema } from '@shared/core/roles';
import { complaintSchema } from '@shared/complaint/complaint';
import { enquirySchema } from '@shared/enquiry/enquiry';
import { contactLedgerSchema } from '@shared/followup/credits';
import { consentEntrySchema, consentHeadSchema } from '@shared/consent/ledger';
import { noticeSchema } from '@shared/notify/notice';
import { refCounterSchema } from '@shared/core/refs';
import { deletionRequestSchema } from '@shared/privacy/deletion';
import { followUpSchema } from '@shared/followup/followup';
import { projectSchema } from '@shared/project/project';
import { siteVisitSchema } from '@shared/project/visit';
import { prospectSchema } from '@shared/prospect/prospect';
import { reportSchema } from '@shared/report/report';
import { repairTicketSchema } from '@shared/repair/ticket';
import { surveyAnswerRecordSchema } from '@shared/survey/api';
import { surveySchema } from '@shared/survey/catalogue';
import { documents, storedCollection, type Documents, type StoredCollection } from './collection';
import type { Database, Transaction } from './database';

/**
 * A settings document (`settings/<area>`): what an admin changed, read field by field by the area's
 * own rules in shared/ (`followUpSettingsWith`, `repairRulesWith`, …), which keep the defaults for
 * anything missing or invalid.
 */
const settingsSchema = z.catchall(z.object({ _id: z.string() }), z.unknown());

const storedSurveySchema = z.intersection(surveySchema, z.object({ _id: z.string() }));

/** Every collection the functions read and write, each with the schema of its documents. */
export const COLLECTIONS = {
  users: storedCollection('users', userSchema),
  projects: storedCollection('projects', projectSchema),
  repairs: storedCollection('repairs', repairTicketSchema),
  complaints: storedCollection('complaints', complaintSchema),
  followups: storedCollection('followups', followUpSchema),
  surveyAnswers: storedCollection('surveyAnswers', surveyAnswerRecordSchema),
  /** the current questionnaire of each stage, under the stage's name */
  surveys: storedCollection('surveys', storedSurveySchema),
  /** every published questionnaire, `<stage>-v<n>` */
  surveyVersions: storedCollection('surveyVersions', storedSurveySchema),
  /** each homeowner's subscription credits, messages per day and sends under way */
  contacts: storedCollection('contacts', contactLedgerSchema),
  settings: storedCollection('settings', settingsSchema),
  auditLog: storedCollection('auditLog', auditEntrySchema),
  /** what each user is told: their message list (消息), keyed by the event so nothing is told twice */
  notices: storedCollection('notices', noticeSchema),
  /** per kind and CST day, the last reference number given out (`BX-20261129`, `TS-20261129`) */
  counters: storedCollection('counters', refCounterSchema),
  /** every grant and withdrawal of marketing consent and every 勿扰 change; append-only */
  consentLedger: storedCollection('consentLedger', consentEntrySchema),
  /** per homeowner, the last place given out in their consent ledger */
  consents: storedCollection('consents', consentHeadSchema),
  /** homeowners' requests to delete their personal data, one per homeowner */
  deletionRequests: storedCollection('deletionRequests', deletionRequestSchema),
  /** people who visited or enquired but have not signed, with their lead class and next call */
  prospects: storedCollection('prospects', prospectSchema),
  /** every change an admin made (configuration, staff, sites, invites, questionnaires, imports): append-only */
  adminHistory: storedCollection('adminHistory', adminChangeSchema),
  /** invite codes that bind a homeowner's WeChat to their project, each redeemed once */
  invites: storedCollection('invites', inviteSchema),
  /** questionnaires proposed for publication, waiting for a second admin's approval */
  surveyProposals: storedCollection('surveyProposals', surveyProposalSchema),
  /** the weekly and monthly reports, each built once by the reporter timer, with its CSV's file id */
  reports: storedCollection('reports', reportSchema),
  /** an admin's marketing campaigns: kind, audience, channel and time */
  campaigns: storedCollection('campaigns', campaignSchema),
  /** one document per campaign and homeowner (`<campaignId>:<homeownerId>`): nothing goes twice */
  campaignSends: storedCollection('campaignSends', campaignSendSchema),
  /** admins' approvals for staff to read phone follow-up records, and their revocations: append-only */
  recordApprovals: storedCollection('recordApprovals', recordApprovalSchema),
  /** site photos archived by staff and on-site visits signed by the homeowner (DOMAIN §11): append-only */
  siteVisits: storedCollection('siteVisits', siteVisitSchema),
  /** the service desk's register: enquiries, suggestions and service needs (ZX-…), each answered once */
  enquiries: storedCollection('enquiries', enquirySchema),
};

/** Typed access to every collection of `db`. */
export function stores(db: Database) {
  const typed = <T extends { _id: string }>(spec: StoredCollection<T>): Documents<T> => documents(db, spec);
  const c = COLLECTIONS;
  return {
    /** query and update commands (`store.command.in([...])`) */
    command: db.command,
    /** runs `work` atomically: single-document operations only, through each collection's `within(tx)` */
    transaction: <R>(work: (tx: Transaction) => Promise<R>): Promise<R> => db.runTransaction(work),
    users: typed(c.users),
    projects: typed(c.projects),
    repairs: typed(c.repairs),
    complaints: typed(c.complaints),
    followups: typed(c.followups),
    surveyAnswers: typed(c.surveyAnswers),
    surveys: typed(c.surveys),
    surveyVersions: typed(c.surveyVersions),
    contacts: typed(c.contacts),
    settings: typed(c.settings),
    auditLog: typed(c.auditLog),
    notices: typed(c.notices),
    counters: typed(c.counters),
    consentLedger: typed(c.consentLedger),
    consents: typed(c.consents),
    deletionRequests: typed(c.deletionRequests),
    prospects: typed(c.prospects),
    adminHistory: typed(c.adminHistory),
    invites: typed(c.invites),
    surveyProposals: typed(c.surveyProposals),
    reports: typed(c.reports),
    campaigns: typed(c.campaigns),
    campaignSends: typed(c.campaignSends),
    recordApprovals: typed(c.recordApprovals),
    siteVisits: typed(c.siteVisits),
    enquiries: typed(c.enquiries),
  };
}

export type Stores = ReturnType<typeof stores>;
