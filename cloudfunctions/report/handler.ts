import { fail, ok } from '@shared/core/result';
import { ReportInputs, reportSummary } from '@shared/report/api';
import { action, defineFunction } from '../_platform/define';
import { glance } from './glance';

/** Reports are for the people who run the company: department managers (the general manager among them) and admins. */
const READERS = ['deptManager', 'admin'] as const;

export const ReportErrors = {
  notFound: () => fail('REPORT.NOT_FOUND', '没有找到这份报表，它可能还没有生成'),
};

/** The latest reports, newest first, with the figures of the trend charts. */
const list = action({
  input: ReportInputs.list,
  roles: READERS,
  async run({ store }, input) {
    const reports = await store.reports.find(input.kind ? { kind: input.kind } : null, { orderBy: [['_id', 'desc']], limit: input.limit });
    return ok({ reports: reports.map(reportSummary) });
  },
});

/** One report in full, with a link that downloads its CSV (UTF-8 with BOM, opens in Excel). */
const get = action({
  input: ReportInputs.get,
  roles: READERS,
  async run({ store, deps }, input) {
    const found = await store.reports.get(input.id);
    if (!found) return ReportErrors.notFound();
    const { _id, csvFileId, ...report } = found;
    return ok({ report: { ...report, id: _id }, csvUrl: await deps.files.downloadUrl(csvFileId) });
  },
});

export const reportFunction = defineFunction('report', { list, get, glance });
