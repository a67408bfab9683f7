import type { EnquirySummary, EnquiryView } from '@shared/enquiry/api';
import type { Enquiry } from '@shared/enquiry/enquiry';
import { toEnquirySummary, toEnquiryView } from '@shared/enquiry/view';
import type { User } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import type { Stores } from '../_platform/stores';
import { recordPersonalDataRead, recordPersonalDataReads } from '../_usecases/audit';

/**
 * One request as the viewer sees it. The homeowner sees their own; the desk sees the homeowner's name
 * and full phone, to call back, and that read is written to the audit log.
 */
export async function enquiryView(store: Stores, e: Enquiry, viewer: User, now: Millis): Promise<EnquiryView> {
  const [homeowner, project] = await Promise.all([store.users.get(e.homeownerId), e.projectId ? store.projects.get(e.projectId) : Promise.resolve(null)]);
  await recordPersonalDataRead(store, { viewer, subjectId: e.homeownerId, record: `enquiries/${e._id}`, fields: ['name', 'phone'], at: now });
  return toEnquiryView(e, { projectName: project?.name ?? '', homeowner: homeowner ?? { name: '', phone: '' }, fullPhone: true, now });
}

/**
 * Requests as a list shows them: homeowners and projects in two batched reads, the phone masked. A
 * staff member's list is an audited read of each homeowner's name in it.
 */
export async function summariesOf(store: Stores, list: Enquiry[], viewer: User, now: Millis): Promise<EnquirySummary[]> {
  const [homeowners, projects] = await Promise.all([
    store.users.getMany(list.map((e) => e.homeownerId)),
    store.projects.getMany(list.flatMap((e) => (e.projectId ? [e.projectId] : []))),
  ]);
  await recordPersonalDataReads(store, { viewer, subjects: list.map((e) => ({ subjectId: e.homeownerId, record: `enquiries/${e._id}` })), fields: ['name'], at: now });
  return list.map((e) =>
    toEnquirySummary(e, {
      projectName: (e.projectId && projects.get(e.projectId)?.name) || '',
      homeowner: homeowners.get(e.homeownerId) ?? { name: '', phone: '' },
      fullPhone: false,
      now,
    }),
  );
}
