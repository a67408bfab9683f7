import { ok } from '@shared/core/result';
import { PrivacyInputs } from '@shared/privacy/api';
import type { DocData } from '../_platform/database';
import { action } from '../_platform/define';

/**
 * Admins read the audit log of staff reads of homeowners' personal data, newest first, optionally
 * for one homeowner, a page at a time. No action writes, edits or removes an entry.
 */
export const auditLog = action({
  input: PrivacyInputs.auditLog,
  roles: ['admin'],
  async run({ store }, { subjectId, before, limit }) {
    const where: DocData = {};
    if (subjectId) where.subjectId = subjectId;
    if (before) where.at = store.command.lt(before);
    const found = await store.auditLog.find(where, { orderBy: [['at', 'desc']], limit: limit + 1 });
    return ok({ entries: found.slice(0, limit), more: found.length > limit });
  },
});
