import { OPEN_COMPLAINT_STATUSES } from '@shared/complaint/complaint';
import { ok } from '@shared/core/result';
import { DEPARTMENT_LABELS, DEPARTMENTS } from '@shared/core/roles';
import { cstDate } from '@shared/core/time';
import { ReportInputs } from '@shared/report/api';
import { mondayOf } from '@shared/report/periods';
import { FOLLOW_UP_RATE_TARGET } from '@shared/report/report';
import { followUpMade } from '@shared/report/weekly';
import { OPEN_REPAIR_STATUSES } from '@shared/repair/ticket';
import { action } from '../_platform/define';
import { findAll } from '../_platform/paging';
import { stopwatch } from '../_platform/sweep';

/** Of the function's 20 s, what reading this week's follow-ups may take. */
const GLANCE_BUDGET_MS = 8_000;

/**
 * The company at a glance, live: open and overdue repairs and complaints per department (counts, no
 * personal data), and this week's follow-up rate so far (the follow-ups due from Monday to today).
 */
export const glance = action({
  input: ReportInputs.glance,
  roles: ['deptManager', 'admin'],
  async run({ store, now }) {
    const _ = store.command;
    const openRepairs = { status: _.in([...OPEN_REPAIR_STATUSES]) };
    const openComplaints = { status: _.in([...OPEN_COMPLAINT_STATUSES]) };
    const late = { nextDeadlineAt: _.lt(now) };
    const departments = await Promise.all(
      DEPARTMENTS.map(async (department) => {
        const [repairs, overdueRepairs, complaints, overdueComplaints] = await Promise.all([
          store.repairs.count({ ...openRepairs, department }),
          store.repairs.count({ ...openRepairs, ...late, department }),
          store.complaints.count({ ...openComplaints, department }),
          store.complaints.count({ ...openComplaints, ...late, department }),
        ]);
        return { department, label: DEPARTMENT_LABELS[department], openRepairs: repairs, overdueRepairs, openComplaints: complaints, overdueComplaints };
      }),
    );
    const from = mondayOf(now);
    const to = cstDate(now);
    const elapsed = stopwatch();
    const due = (await findAll(store.followups, _, { dueDate: _.gte(from).and(_.lte(to)) }, () => elapsed() < GLANCE_BUDGET_MS)).filter(
      (f) => f.state !== 'cancelled' && f.state !== 'expired',
    );
    const made = due.filter(followUpMade).length;
    return ok({
      asOf: now,
      departments,
      thisWeek: { from, to, due: due.length, made, rate: due.length ? made / due.length : null, target: FOLLOW_UP_RATE_TARGET },
    });
  },
});
