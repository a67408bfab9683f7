import * as z from 'zod/mini';
import { INVITE_ALPHABET, INVITE_CODE_MESSAGES, INVITE_LENGTH, normalInviteCode } from './inviteCode';
import { surveySchema } from '../survey/catalogue';

/**
 * Changes an admin makes (configuration, staff, sites, invite codes, questionnaires), one entry each in
 * the append-only `adminHistory`: who, when, what it was before and what it is after. Nothing edits or
 * removes an entry.
 */
export const ADMIN_CHANGE_KINDS = ['config', 'staff', 'site', 'invite', 'surveyProposed', 'surveyApproved', 'import', 'recordAccess'] as const;
export type AdminChangeKind = (typeof ADMIN_CHANGE_KINDS)[number];

export const adminChangeSchema = z.object({
  _id: z.string(),
  kind: z.enum(ADMIN_CHANGE_KINDS),
  /** what was changed: `settings/followup`, `users/<id>`, `projects/<id>`, `invites/<code>`, … */
  ref: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  by: z.string(),
  byName: z.string(),
  at: z.number(),
});
export type AdminChange = z.infer<typeof adminChangeSchema>;

/**
 * An invite code (`invites/<code>`): handed to the homeowner of a project, redeemed once from their
 * WeChat, which binds that WeChat (its openid) to the project as its homeowner.
 */
export const inviteSchema = z.object({
  _id: z.string(),
  projectId: z.string(),
  /** the homeowner record the project named before the code was redeemed */
  homeownerId: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  redeemedBy: z.nullable(z.string()),
  redeemedAt: z.nullable(z.number()),
});
export type Invite = z.infer<typeof inviteSchema>;

/** Letters and digits that cannot be mistaken for one another when read out or typed (no 0/O, 1/I/L). */
export { INVITE_ALPHABET, INVITE_LENGTH };
export const INVITE_VALID_DAYS = 30;

export const inviteCodeSchema = z.pipe(
  z.pipe(z.string({ error: INVITE_CODE_MESSAGES.missing }), z.transform(normalInviteCode)),
  z.string().check(z.regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_LENGTH}}$`), { error: INVITE_CODE_MESSAGES.malformed })),
);

/** An invite code from random numbers in [0, 1): the caller brings the randomness, so this stays pure. */
export function inviteCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[Math.floor(random() * INVITE_ALPHABET.length) % INVITE_ALPHABET.length];
  return code;
}

/**
 * A questionnaire waiting for approval (`surveyProposals/<id>`): texts published to customers are
 * approved before they go out (004 4.5), by an admin other than the one who proposed it.
 */
export const PROPOSAL_STATES = ['proposed', 'approved', 'withdrawn'] as const;
export const surveyProposalSchema = z.object({
  _id: z.string(),
  survey: z.pick(surveySchema, { stage: true, title: true, intro: true, sections: true }),
  state: z.enum(PROPOSAL_STATES),
  proposedBy: z.string(),
  proposedByName: z.string(),
  proposedAt: z.number(),
  approvedBy: z.nullable(z.string()),
  approvedAt: z.nullable(z.number()),
  /** the version it became once approved */
  version: z.nullable(z.number()),
});
export type SurveyProposal = z.infer<typeof surveyProposalSchema>;
