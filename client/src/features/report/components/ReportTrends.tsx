import { Text, View } from '@tarojs/components';
import type { ReportSummary } from '@shared/report/api';
import { FOLLOW_UP_RATE_TARGET } from '@shared/report/report';
import { percent, score, shortDate } from '../model/format';
import { TrendChart } from './TrendChart';

/** The follow-up rate week by week against the 90% target, and the average satisfaction month by month. */
export function ReportTrends({ weekly, monthly }: { weekly: ReportSummary[]; monthly: ReportSummary[] }) {
  const weeks = [...weekly].reverse();
  const months = [...monthly].reverse();
  return (
    <>
      <View className='card' id='trend-followup-rate'>
        <Text className='card__title'>回访率趋势（每周，目标 {percent(FOLLOW_UP_RATE_TARGET)}）</Text>
        {weeks.length ? (
          <TrendChart
            max={1}
            target={FOLLOW_UP_RATE_TARGET}
            targetLabel='目标 90%'
            points={weeks.map((w) => ({
              key: w.id, label: shortDate(w.period.from), value: w.followUpRate, text: percent(w.followUpRate),
              tone: w.followUpRate !== null && w.followUpRate >= FOLLOW_UP_RATE_TARGET ? 'green' : 'orange',
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
            max={5}
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
