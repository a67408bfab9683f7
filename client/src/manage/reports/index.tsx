import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReportSummary } from '@shared/report/api';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { fetchReportLists, GlanceCard, ReportCard, ReportTrends, type Glance } from '@/features/report';
import { routes } from '@/lib/routes';
import '../manage.scss';

function ReportList({ glance, weekly, monthly }: { glance: Glance; weekly: ReportSummary[]; monthly: ReportSummary[] }) {
  const open = (id: string) => void Taro.navigateTo({ url: routes.manageReport(id) });
  return (
    <View id='manage-reports'>
      <GlanceCard glance={glance} />
      <ReportTrends weekly={weekly} monthly={monthly} target={glance.thisWeek.target} />
      <Text className='section-title'>月报（每月最后一个周一前）</Text>
      {monthly.length === 0 ? <Text className='muted report-empty'>还没有月报</Text> : monthly.map((r) => <ReportCard key={r.id} report={r} onOpen={open} />)}
      <Text className='section-title'>周报（每周日 17:00 前）</Text>
      {weekly.length === 0 ? <Text className='muted report-empty'>还没有周报</Text> : weekly.map((r) => <ReportCard key={r.id} report={r} onOpen={open} />)}
    </View>
  );
}

export default function ReportsPage() {
  return (
    <Screen>
      <Loadable load={fetchReportLists}>{(data) => <ReportList glance={data.glance} weekly={data.weekly} monthly={data.monthly} />}</Loadable>
    </Screen>
  );
}
