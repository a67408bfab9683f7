/**
 * Site visits (DOMAIN §11, 001 第二篇 and 第四篇 4.1): photos of the site archived during construction
 * and after completion (现场拍照存档), and on-site visits to the homeowner (上门回访), which carry the
 * homeowner's signature. Stored in `siteVisits`, append-only: a correction is a new record.
 */
import * as z from 'zod/mini';
import { fail, ok, type Result } from '../core/result';
import type { User } from '../core/roles';
import type { Millis } from '../core/time';
import type { Project } from './project';

export const SITE_VISIT_KINDS = ['photos', 'visit'] as const;
export type SiteVisitKind = (typeof SITE_VISIT_KINDS)[number];

export const SITE_VISIT_KIND_LABELS: Record<SiteVisitKind, string> = {
  photos: '现场拍照存档',
  visit: '上门回访',
};

/** Where the project stood when the record was made, from its milestones. */
export const SITE_STAGES = ['beforeStart', 'construction', 'completed'] as const;
export type SiteStage = (typeof SITE_STAGES)[number];

export const SITE_STAGE_LABELS: Record<SiteStage, string> = {
  beforeStart: '开工前',
  construction: '施工期间',
  completed: '竣工验收后',
};

export const siteVisitSchema = z.object({
  _id: z.string(),
  kind: z.enum(SITE_VISIT_KINDS),
  projectId: z.string(),
  /** the project's homeowner: whose data the record is (我的数据, deletion) */
  homeownerId: z.string(),
  stage: z.enum(SITE_STAGES),
  /** file ids of the site photos */
  photos: z.array(z.string()),
  /** photos: what the photos show; visit: what the homeowner said */
  note: z.string(),
  /** visit: the homeowner's satisfaction, 1–5, when they gave one */
  satisfaction: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5))),
  /** visit: the file id of the PNG the homeowner signed; null for photos, and once erased */
  signature: z.nullable(z.string()),
  byId: z.string(),
  byName: z.string(),
  at: z.number(),
  /** when the homeowner's signature was erased and phone numbers in the note masked (deletion, retention) */
  anonymisedAt: z.optional(z.number()),
});
export type SiteVisit = z.infer<typeof siteVisitSchema>;

/** The stage of a project today: completed once 竣工 is recorded, under construction once 开工 is. */
export function siteStage(milestones: Project['milestones']): SiteStage {
  if (milestones.completed) return 'completed';
  if (milestones.started) return 'construction';
  return 'beforeStart';
}

/** What a staff member entered for a record, as the `recordVisit` action takes it. */
export type SiteVisitEntry =
  | { kind: 'photos'; photos: string[]; note: string }
  | { kind: 'visit'; photos: string[]; remarks: string; satisfaction?: number; signature: string };

/**
 * The record to store. Site photos are archived during construction and after completion (001 第二篇),
 * so before work starts there is no site to photograph; a visit to the homeowner may happen at any stage.
 */
export function newSiteVisit(entry: SiteVisitEntry, project: Project, by: Pick<User, '_id' | 'name'>, now: Millis): Result<Omit<SiteVisit, '_id'>> {
  const stage = siteStage(project.milestones);
  if (entry.kind === 'photos' && stage === 'beforeStart') {
    return fail('PROJECT.NOT_STARTED', '工地还没有开工：开工后才能拍照存档，请先记录开工日期', { kind: '开工后才能拍照存档' });
  }
  const common = { projectId: project._id, homeownerId: project.homeownerId, stage, photos: entry.photos, byId: by._id, byName: by.name, at: now };
  return entry.kind === 'photos'
    ? ok({ ...common, kind: 'photos', note: entry.note, satisfaction: null, signature: null })
    : ok({ ...common, kind: 'visit', note: entry.remarks, satisfaction: entry.satisfaction ?? null, signature: entry.signature });
}
