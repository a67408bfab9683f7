import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { formatCst } from '@shared/core/time';
import { describePeriod } from '@shared/report/periods';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { CsvButton, fetchReport, MonthlyReportView, WeeklyReportView, type ReportDetail } from '@/features/report';
import '../manage.scss';

function ReportView({ data }: { data: ReportDetail }) {
  const { report } = data;
  return (
    <View id='manage-report'>
      <View className='card'>
        <Text className='card__title' id='report-title'>
          {report.label}
        </Text>
        <Text className='muted report-block'>
          统计期间 {describePeriod(report.period)} · 数据截至 {formatCst(report.builtAt)}
        </Text>
        <CsvButton url={data.csvUrl} />
      </View>
      {report.kind === 'weekly' ? <WeeklyReportView figures={report.figures} /> : <MonthlyReportView figures={report.figures} />}
    </View>
  );
}

export default function ReportPage() {
  const id = Taro.getCurrentInstance().router?.params.id ?? '';
  const load = useCallback(() => fetchReport(id), [id]);
  return (
    <Screen>
      <Loadable load={load}>{(data) => <ReportView data={data} />}</Loadable>
    </Screen>
  );
}
