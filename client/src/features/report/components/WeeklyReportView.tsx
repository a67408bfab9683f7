import { Text, View } from '@tarojs/components';
import type { WeeklyFigures, WeeklyRow } from '@shared/report/report';
import { percent } from '../model/format';
import { BarChart } from './BarChart';

function Tile({ label, value, tone, id }: { label: string; value: string; tone?: 'ok' | 'danger'; id?: string }) {
  return (
    <View className='report-tile' id={id}>
      <Text className={`report-tile__value ${tone === 'danger' ? 'text-danger' : tone === 'ok' ? 'text-ok' : ''}`}>{value}</Text>
      <Text className='report-tile__label muted'>{label}</Text>
    </View>
  );
}

function FollowUpRows({ title, rows, id }: { title: string; rows: WeeklyRow[]; id: string }) {
  return (
    <View className='card' id={id}>
      <Text className='card__title'>
        {title}（{rows.length}）
      </Text>
      {rows.length === 0 ? <Text className='muted report-block'>本周没有到期的回访</Text> : null}
      {rows.map((r) => (
        <View className='row' key={r.followUpId}>
          <Text className='row__label'>
            {r.projectName} · {r.label}
          </Text>
          <Text className={`row__value ${r.made ? 'text-ok' : 'text-danger'}`}>
            {r.dueDate.slice(5)} {r.answered ? '已答卷' : r.made ? '已回访' : r.stateLabel}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** The weekly report (001 §七): the summary against 90% as tiles and a bar, then each list. */
export function WeeklyReportView({ figures }: { figures: WeeklyFigures }) {
  const s = figures.summary;
  return (
    <>
      <View className='card' id='weekly-summary'>
        <Text className='card__title'>本周回访情况</Text>
        <View className='report-tiles'>
          <Tile label='应回访' value={String(s.due)} />
          <Tile label='已回访' value={String(s.made)} />
          <Tile label='已答卷' value={String(s.answered)} />
          <Tile label='回访率' value={percent(s.rate)} tone={s.meetsTarget === false ? 'danger' : 'ok'} id='weekly-rate' />
        </View>
        <BarChart
          id='chart-weekly-rate'
          max={1}
          bars={[
            { key: 'rate', label: '本周', value: s.rate ?? 0, text: percent(s.rate), tone: s.meetsTarget === false ? 'orange' : 'green' },
            { key: 'target', label: '目标', value: s.target, text: percent(s.target), tone: 'blue' },
          ]}
        />
        <Text className={s.meetsTarget === false ? 'text-danger report-block' : 'muted report-block'}>
          {s.meetsTarget === null ? '本周没有到期的回访' : s.meetsTarget ? '已达到 90% 的回访率目标' : `未达到 90% 的目标，还差 ${Math.max(0, Math.ceil(s.target * s.due) - s.made)} 次回访`}
        </Text>
      </View>
      <FollowUpRows title='在施工程回访' rows={figures.underConstruction} id='weekly-under-construction' />
      <FollowUpRows title='竣工工程回访' rows={figures.completed} id='weekly-completed' />
      <View className='card' id='weekly-below-three'>
        <Text className='card__title'>回访不足三次的工程（{s.belowThree.length}）</Text>
        {s.belowThree.length === 0 ? <Text className='muted report-block'>每个在施工程都已回访三次以上</Text> : null}
        {s.belowThree.map((p) => (
          <View className='row' key={p.projectId}>
            <Text className='row__label'>{p.projectName}</Text>
            <Text className='row__value text-warn'>已回访 {p.made} 次</Text>
          </View>
        ))}
      </View>
      <View className='card' id='weekly-completed-projects'>
        <Text className='card__title'>本周竣工工程（{figures.completedThisWeek.length}）</Text>
        {figures.completedThisWeek.length === 0 ? <Text className='muted report-block'>本周没有竣工的工程</Text> : null}
        {figures.completedThisWeek.map((p) => (
          <View className='row' key={p.projectId}>
            <Text className='row__label'>{p.projectName}</Text>
            <Text className='row__value'>
              {p.completed} · {p.siteManagerName}
            </Text>
          </View>
        ))}
      </View>
    </>
  );
}
