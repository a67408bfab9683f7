import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '@shared/report/api';
import { percent, score, shortDate } from '../model/format';
import { TrendChart } from './TrendChart';

/**
 * The follow-up rate week by week against the target (90%, as the report function answers it in the
 * glance: importing it from shared/report/report.ts would bring that module's schemas, and zod, into the
 * manage package), and the average satisfaction month by month.
 */
export function ReportTrends({ weekly, monthly, target }: { weekly: ReportSummary[]; monthly: ReportSummary[]; target: number }) {
  const weeks = [...weekly].reverse();
  const months = [...monthly].reverse();
  return (
    <>
      <View className='card' id='trend-followup-rate'>
        <Text className='card__title'>回访率趋势（每周，目标 {percent(target)}）</Text>
        {weeks.length ? (
          <TrendChart
            id='chart-followup-rate'
            max={1}
            axis='percent'
            target={target}
            targetLabel={`目标 ${percent(target)}`}
            points={weeks.map((w) => ({
              key: w.id, label: shortDate(w.period.from), value: w.followUpRate, text: percent(w.followUpRate),
              tone: w.followUpRate !== null && w.followUpRate >= target ? 'green' : 'orange',
            }))}
          />
        ) : (
          <Text className='muted report-block'>还没有周报：每周日 16:00 生成</Text>
        )}
      </View>
      <View className='card' id='trend-satisfaction'>
        <Text className='card__title'>满意度趋势（每月平均，满分 5 分）</Text>
        {months.length ? (
          <TrendChart
            id='chart-satisfaction'
            max={5}
            axis='score'
            points={months.map((m) => ({
              key: m.id, label: m.id.slice('monthly-'.length).replace(/^\d{4}-0?/, '') + '月', value: m.satisfaction, text: score(m.satisfaction),
              tone: m.satisfaction !== null && m.satisfaction < 3 ? 'red' : 'green',
            }))}
          />
        ) : (
          <Text className='muted report-block'>还没有月报：每月最后一个周一的前一天 16:00 生成</Text>
        )}
      </View>
    </>
  );
}
