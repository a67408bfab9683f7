import { hasRole, isGeneralManager, type User } from '../core/roles';
import type { Project } from './project';
import { SITE_STAGE_LABELS, SITE_VISIT_KIND_LABELS, type SiteVisit, type SiteVisitKind, type SiteStage } from './visit';

/** The project's own site manager, customer service and admins record site photos and visits. */
export function mayRecordVisit(user: User, p: Pick<Project, 'siteManagerId'>): boolean {
  return hasRole(user, 'admin', 'customerService') || (hasRole(user, 'siteManager') && p.siteManagerId === user._id);
}

/**
 * Who reads a project's site records: those who may record them, the department manager of the
 * project's department (the general manager of every one), and the homeowner of that very project.
 */
export function mayReadVisits(user: User, p: Pick<Project, 'siteManagerId' | 'homeownerId' | 'department'>): boolean {
  if (mayRecordVisit(user, p)) return true;
  if (hasRole(user, 'deptManager') && (user.department === p.department || isGeneralManager(user))) return true;
  return hasRole(user, 'homeowner') && p.homeownerId === user._id;
}

/** One record as the app shows it: who made it by name (never their phone), when, and what it holds. */
export interface SiteVisitView {
  id: string;
  kind: SiteVisitKind;
  kindLabel: string;
  stage: SiteStage;
  stageLabel: string;
  photos: string[];
  note: string;
  satisfaction: number | null;
  signature: string | null;
  byName: string;
  at: number;
}

export function toSiteVisitView(v: SiteVisit): SiteVisitView {
  return {
    id: v._id,
    kind: v.kind,
    kindLabel: SITE_VISIT_KIND_LABELS[v.kind],
    stage: v.stage,
    stageLabel: SITE_STAGE_LABELS[v.stage],
    photos: v.photos,
    note: v.note,
    satisfaction: v.satisfaction,
    signature: v.signature,
    byName: v.byName,
    at: v.at,
  };
}
