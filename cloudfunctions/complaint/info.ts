import { ComplaintInputs } from '@shared/complaint/api';
import { COMPLAINT_CATEGORY_LABELS } from '@shared/complaint/categories';
import type { Complaint } from '@shared/complaint/complaint';
import { withAddedInfo } from '@shared/complaint/info';
import { ok, type Result } from '@shared/core/result';
import { hasRole } from '@shared/core/roles';
import type { Millis } from '@shared/core/time';
import { action } from '../_platform/define';
import type { Stores } from '../_platform/stores';
import { notify } from '../_usecases/notify';
import { checkPhotos } from '../_usecases/photos';
import { complaintNotFound } from './access';
import { complaintView } from './load';

/**
 * The homeowner adds information and photos to their own open complaint. Anyone else's complaint
 * answers exactly as a missing one does. The department answering for it now is told.
 */
export const addInfo = action({
  input: ComplaintInputs.addInfo,
  roles: ['homeowner'],
  async run({ deps, store, user, now }, input) {
    const bad = await checkPhotos(deps.files, input.photos);
    if (bad) return bad;
    const outcome = await store.transaction((tx) =>
      store.complaints.within(tx).modify(input.complaintId, (found): Result<Complaint> => {
        if (!found || found.homeownerId !== user._id) return complaintNotFound();
        return withAddedInfo(found, { text: input.text, photos: input.photos }, now);
      }),
    );
    if (!outcome.ok) return outcome;
    await tellHandlers(store, outcome.data, now);
    return ok({ complaint: await complaintView(store, outcome.data, user, now) });
  },
});

/** The managers of the department answering now (and the agent who took it by phone): one notice each per entry. */
async function tellHandlers(store: Stores, c: Complaint, now: Millis): Promise<void> {
  const entry = c.history.length - 1;
  const last = c.history[entry];
  const staff = await store.users.find({ department: c.department }, { limit: 100 });
  const managers = staff.filter((u) => hasRole(u, c.department === 'customerService' ? 'customerService' : 'deptManager')).map((u) => u._id);
  const to = [...new Set([...managers, ...(c.firstOwnerId ? [c.firstOwnerId] : [])])];
  for (const id of to) {
    await notify(
      store,
      {
        key: `complaint.info:${c._id}:${entry}:${id}`,
        to: id,
        kind: 'complaint.info',
        title: '业主补充了投诉信息',
        body: `${COMPLAINT_CATEGORY_LABELS[c.category]}：${last.note ?? ''}${last.photos ? `（附 ${last.photos.length} 张照片）` : ''}`.slice(0, 200),
        page: `/staff/complaint/index?id=${c._id}`,
      },
      now,
    );
  }
}
