import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '@shared/report/api';
import { formatCst } from '@shared/core/time';
import { percent, score } from '../model/format';

/** One report in the list: its name, when it was built, and its headline figure. */
export function ReportCard({ report, onOpen }: { report: ReportSummary; onOpen: (id: string) => void }) {
  const headline = report.kind === 'weekly' ? `回访率 ${percent(report.followUpRate)}` : `满意度 ${score(report.satisfaction)} · 投诉 ${report.complaints ?? 0} 件`;
  return (
    <View className='card report-card' id={`report-${report.id}`} onClick={() => onOpen(report.id)}>
      <Text className='card__title'>{report.label}</Text>
      <View className='report-card__meta'>
        <Text className='tag tag--blue'>{headline}</Text>
        <Text className='muted report-block'>生成于 {formatCst(report.builtAt)}</Text>
      </View>
    </View>
  );
}
