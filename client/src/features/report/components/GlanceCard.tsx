import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import type { Glance } from '../api/queries';
import { percent } from '../model/format';
import { BarChart } from './BarChart';

const count = (open: number, overdue: number) => (overdue ? `${open}（超时 ${overdue}）` : String(open));

/** The company at a glance, live: open and overdue work per department, and this week's follow-up rate so far. */
export function GlanceCard({ glance }: { glance: Glance }) {
  const w = glance.thisWeek;
  const behind = w.rate !== null && w.rate < w.target;
  return (
    <View className='card' id='glance'>
      <Text className='card__title'>公司概览</Text>
      <Text className='muted report-block'>截至 {formatCst(glance.asOf)}</Text>
      <BarChart
        id='chart-glance-rate'
        max={1}
        bars={[
          { key: 'week', label: `本周回访率（${w.made}/${w.due}）`, value: w.rate ?? 0, text: percent(w.rate), tone: behind ? 'orange' : 'green' },
          { key: 'target', label: '目标', value: w.target, text: percent(w.target), tone: 'blue' },
        ]}
      />
      <View className='row glance-row'>
        <Text className='row__label'>部门</Text>
        <Text className='glance-cell muted'>报修</Text>
        <Text className='glance-cell muted'>投诉</Text>
      </View>
      {glance.departments.map((d) => (
        <View className='row glance-row' key={d.department} id={`glance-${d.department}`}>
          <Text className='row__label'>{d.label}</Text>
          <Text className={`glance-cell ${d.overdueRepairs ? 'text-danger' : ''}`}>{count(d.openRepairs, d.overdueRepairs)}</Text>
          <Text className={`glance-cell ${d.overdueComplaints ? 'text-danger' : ''}`}>{count(d.openComplaints, d.overdueComplaints)}</Text>
        </View>
      ))}
    </View>
  );
}
