import { ok } from '@shared/core/result';
import { ProjectInputs } from '@shared/project/api';
import { newSiteVisit, type SiteVisit, type SiteVisitEntry } from '@shared/project/visit';
import { mayReadVisits, mayRecordVisit, toSiteVisitView } from '@shared/project/visitView';
import { action } from '../_platform/define';
import { retryId } from '../_platform/retry';
import { recordPersonalDataRead } from '../_usecases/audit';
import { checkPhotos, checkSignature } from '../_usecases/photos';
import { notFound } from './access';

/** A site has a few dozen records over its construction and warranty. */
const MAX_VISITS = 200;

/**
 * DOMAIN §11: a site manager of the project, customer service or an admin archives photos of the site
 * (during construction or after completion, from the project's milestones), or records an on-site
 * visit, which the homeowner signs. Append-only: a correction is a new record. A retried requestId
 * answers the record the first call made.
 */
export const recordVisit = action({
  input: ProjectInputs.recordVisit,
  roles: ['siteManager', 'customerService', 'admin'],
  async run({ deps, store, user, now }, input) {
    const project = await store.projects.get(input.projectId);
    if (!project || !mayRecordVisit(user, project)) return notFound();
    const badPhoto = await checkPhotos(deps.files, input.photos);
    if (badPhoto) return badPhoto;
    if (input.kind === 'visit') {
      const badSignature = await checkSignature(deps.files, input.signature);
      if (badSignature) return badSignature;
    }
    const entry: SiteVisitEntry =
      input.kind === 'photos'
        ? { kind: 'photos', photos: input.photos, note: input.note }
        : { kind: 'visit', photos: input.photos, remarks: input.remarks, satisfaction: input.satisfaction, signature: input.signature };
    const made = newSiteVisit(entry, project, user, now);
    if (!made.ok) return made;
    let stored: SiteVisit;
    if (input.requestId) {
      const id = retryId(user._id, input.requestId);
      const outcome = await store.transaction((tx) => store.siteVisits.within(tx).modify(id, (earlier) => ok(earlier ?? { ...made.data, _id: id })));
      stored = outcome.data;
    } else {
      stored = await store.siteVisits.insert(made.data);
    }
    return ok({ visit: toSiteVisitView(stored) });
  },
});

/**
 * A project's site records, newest first: for those who may record them, the department manager of
 * the project's department, and the homeowner (the archive of their own site). Staff names, never staff
 * phones. A staff read is audited: the project's name, and the homeowner's words and signatures.
 */
export const visits = action({
  input: ProjectInputs.visits,
  roles: ['homeowner', 'siteManager', 'customerService', 'deptManager', 'admin'],
  async run({ store, user, now }, { projectId }) {
    const project = await store.projects.get(projectId);
    if (!project || !mayReadVisits(user, project)) return notFound();
    const found = await store.siteVisits.find({ projectId }, { orderBy: [['at', 'desc']], limit: MAX_VISITS });
    const fields = ['name', ...(found.some((v) => v.kind === 'photos') ? ['sitePhotos'] : []), ...(found.some((v) => v.kind === 'visit') ? ['visitRemarks', 'signature'] : [])];
    await recordPersonalDataRead(store, { viewer: user, subjectId: project.homeownerId, record: `projects/${project._id}`, fields, at: now });
    return ok({ project: { id: project._id, name: project.name }, visits: found.map(toSiteVisitView), mayRecord: mayRecordVisit(user, project) });
  },
});
