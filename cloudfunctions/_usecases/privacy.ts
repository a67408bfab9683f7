import { fail, ok } from '@shared/core/result';
import type { Millis } from '@shared/core/time';
import { anonymisedProject, anonymisedSiteVisit, anonymisedUser, isAnonymised, withoutPhones } from '@shared/privacy/anonymise';
import { deletionDone } from '@shared/privacy/deletion';
import type { Project } from '@shared/project/project';
import type { FileStorage } from '../_platform/ports';
import type { Stores } from '../_platform/stores';
import { notify } from './notify';

/** A homeowner has at most a few projects and a few dozen tickets and complaints. */
const MAX_RECORDS = 500;

/** Nothing to change: the record is gone or already done; writes nothing. */
const UNCHANGED = fail('PRIVACY.UNCHANGED', '无需处理');

/** Mobile numbers written into the homeowner's repair tickets, complaints and enquiries, masked. */
async function maskPhonesInTexts(store: Stores, homeownerId: string, projectId?: string): Promise<void> {
  const where = projectId ? { homeownerId, projectId } : { homeownerId };
  const [repairs, complaints, enquiries] = await Promise.all([
    store.repairs.find(where, { limit: MAX_RECORDS }),
    store.complaints.find(where, { limit: MAX_RECORDS }),
    store.enquiries.find(where, { limit: MAX_RECORDS }),
  ]);
  await Promise.all([
    ...repairs.filter((r) => withoutPhones(r.description) !== r.description).map((r) => store.repairs.patch(r._id, { description: withoutPhones(r.description) })),
    ...complaints.filter((c) => withoutPhones(c.description) !== c.description).map((c) => store.complaints.patch(c._id, { description: withoutPhones(c.description) })),
    ...enquiries.filter((e) => withoutPhones(e.text) !== e.text).map((e) => store.enquiries.patch(e._id, { text: withoutPhones(e.text) })),
  ]);
}

/**
 * The homeowner's signatures on site visits deleted (the image first, so a run cut short deletes it
 * again rather than leaving it behind unreferenced), then each record without the signature and with
 * phone numbers masked, in its own transaction. Running it again changes nothing.
 */
async function anonymiseSiteVisits(store: Stores, files: FileStorage, where: { homeownerId: string } | { projectId: string }, now: Millis): Promise<void> {
  const visits = await store.siteVisits.find({ ...where, anonymisedAt: store.command.exists(false) }, { limit: MAX_RECORDS });
  const signatures = visits.flatMap((v) => (v.signature ? [v.signature] : []));
  if (signatures.length) await files.remove(signatures);
  for (const v of visits) {
    await store.transaction((tx) =>
      store.siteVisits.within(tx).modify(v._id, (found) => (found && found.anonymisedAt === undefined ? ok(anonymisedSiteVisit(found, now)) : UNCHANGED)),
    );
  }
}

/** The project's name and address erased in one transaction; true when this call erased them (a second run changes nothing). */
export async function anonymiseProject(store: Stores, projectId: string, now: Millis): Promise<boolean> {
  const outcome = await store.transaction((tx) =>
    store.projects.within(tx).modify(projectId, (p) => (p && p.anonymisedAt === undefined ? ok(anonymisedProject(p, now)) : UNCHANGED)),
  );
  return outcome.ok;
}

/** The homeowner's name, phone and contact times erased in one transaction. */
async function anonymiseUser(store: Stores, homeownerId: string, now: Millis): Promise<void> {
  await store.transaction((tx) => store.users.within(tx).modify(homeownerId, (u) => (u && !isAnonymised(u) ? ok(anonymisedUser(u, now)) : UNCHANGED)));
}

/**
 * Everything personal about a homeowner erased (PIPL art. 47): their name, phone and contact times,
 * the name and address of their projects, phone numbers written into their tickets, complaints and
 * enquiries, their signatures on site visits (the images deleted from storage).
 * Business records stay (shared/privacy/anonymise.ts `KEPT_RECORDS`). A pending deletion request is
 * marked done. Running it twice changes nothing the second time.
 */
export async function anonymiseHomeowner(store: Stores, files: FileStorage, homeownerId: string, now: Millis): Promise<void> {
  const projects = await store.projects.find({ homeownerId }, { limit: MAX_RECORDS });
  for (const p of projects) await anonymiseProject(store, p._id, now);
  await maskPhonesInTexts(store, homeownerId);
  await anonymiseSiteVisits(store, files, { homeownerId }, now);
  await anonymiseUser(store, homeownerId, now);
  const done = await store.transaction((tx) => store.deletionRequests.within(tx).modify(homeownerId, (r) => (r && r.state === 'pending' ? ok(deletionDone(r, now)) : UNCHANGED)));
  if (done.ok) {
    await notify(store, {
      key: `privacy.deleted:${homeownerId}:${done.data.requestedAt}`, to: homeownerId, kind: 'privacy.deleted', title: '您的个人信息已删除',
      body: '姓名、手机号、地址等已删除；合同节点、报修投诉处理记录和同意记录按法律要求匿名保存，不再对应到您本人。', page: '/pages/my-data/index',
    }, now);
  }
}

/**
 * A project past retention: its own personal data erased (the homeowner's signatures on its site
 * visits too), and the homeowner's too once none of their projects is still kept (a homeowner with a
 * newer project keeps their name and phone for it).
 */
export async function anonymiseExpiredProject(store: Stores, files: FileStorage, project: Project, now: Millis): Promise<boolean> {
  // the signatures first: the project leaves the timer's range once it is anonymised
  await anonymiseSiteVisits(store, files, { projectId: project._id }, now);
  const changed = await anonymiseProject(store, project._id, now);
  await maskPhonesInTexts(store, project.homeownerId, project._id);
  const stillKept = await store.projects.count({ homeownerId: project.homeownerId, anonymisedAt: store.command.exists(false) });
  if (stillKept === 0) {
    // what is tied to no project (an enquiry about none) goes with the homeowner's last project
    await maskPhonesInTexts(store, project.homeownerId);
    await anonymiseUser(store, project.homeownerId, now);
  }
  return changed;
}
