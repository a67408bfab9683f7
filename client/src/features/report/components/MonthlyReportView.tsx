import { Text, View } from '@tarojs/components';
import type { MonthlyFigures } from '@shared/report/report';
import { change, score } from '../model/format';
import { breachesPerManager } from '../model/breaches';
import type { Tone } from '../model/chartTheme';
import { BarChart } from './BarChart';

const ratioTone = (r: number): Tone => (r >= 0.5 ? 'red' : r > 0 ? 'orange' : 'green');
const scoreTone = (s: number | null): Tone => (s === null ? 'blue' : s < 3 ? 'red' : s < 4 ? 'orange' : 'green');

/** The monthly report (001 §八): complaint ratios per person and satisfaction as bars, the rest as rows. */
export function MonthlyReportView({ figures }: { figures: MonthlyFigures }) {
  const c = figures.complaints;
  const maxRatio = Math.max(1, ...figures.complaintRatios.map((r) => r.ratio));
  const breaches = breachesPerManager(figures.repairBreaches);
  return (
    <>
      <View className='card' id='monthly-complaint-ratios'>
        <Text className='card__title'>被投诉比率（投诉次数 ÷ 负责工程数）</Text>
        {figures.complaintRatios.length === 0 ? <Text className='muted report-block'>本期没有负责工程的设计师、巡检或项目经理</Text> : null}
        <BarChart
          id='chart-complaint-ratios'
          max={maxRatio}
          bars={figures.complaintRatios.map((r) => ({
            key: `${r.role}:${r.staffId}`, label: `${r.name}（${r.roleLabel}）`, value: r.ratio, text: `${r.complaints}/${r.projects}（${r.ratio.toFixed(2)}）`, tone: ratioTone(r.ratio),
          }))}
        />
      </View>
      <View className='card' id='monthly-satisfaction-stage'>
        <Text className='card__title'>各阶段满意度（满分 5 分）</Text>
        {figures.satisfactionByStage.length === 0 ? <Text className='muted report-block'>本期和上期都没有评分</Text> : null}
        <BarChart
          id='chart-satisfaction-stage'
          max={5}
          legend='彩色条为本期，灰色条为上期'
          bars={figures.satisfactionByStage.map((r) => ({
            key: r.stage, label: r.label, value: r.average ?? 0, previous: r.previousAverage, tone: scoreTone(r.average),
            text: `${score(r.average)} ${change(r.average, r.previousAverage)}`, previousText: r.previousAverage === null ? undefined : `上期 ${score(r.previousAverage)}`,
          }))}
        />
      </View>
      <View className='card' id='monthly-satisfaction-staff'>
        <Text className='card__title'>员工满意度（所负责工程的评分）</Text>
        {figures.satisfactionByStaff.length === 0 ? <Text className='muted report-block'>本期和上期，设计师、巡检和项目经理负责的工程都没有评分</Text> : null}
        <BarChart
          id='chart-satisfaction-staff'
          max={5}
          legend='彩色条为本期，灰色条为上期'
          bars={figures.satisfactionByStaff.map((r) => ({
            key: `${r.role}:${r.staffId}`, label: `${r.name}（${r.roleLabel}）`, value: r.average ?? 0, previous: r.previousAverage, tone: scoreTone(r.average),
            text: `${score(r.average)} ${change(r.average, r.previousAverage)}`, previousText: r.previousAverage === null ? undefined : `上期 ${score(r.previousAverage)}`,
          }))}
        />
      </View>
      <View className='card' id='monthly-complaints'>
        <Text className='card__title'>投诉分析</Text>
        <View className='row'><Text className='row__label'>收到投诉</Text><Text className='row__value'>{c.received} 件</Text></View>
        <View className='row'><Text className='row__label'>已解决 / 未达成一致</Text><Text className='row__value'>{c.closed} / {c.unresolved}</Text></View>
        <View className='row'><Text className='row__label'>平均处理时长</Text><Text className='row__value'>{c.averageHandlingHours === null ? '—' : `${c.averageHandlingHours} 小时`}</Text></View>
        <View className='row'><Text className='row__label'>对处理的满意度</Text><Text className='row__value'>{score(c.handlingSatisfaction)}（{c.handlingAnswers} 份评价）</Text></View>
        <View className='row'><Text className='row__label'>总体满意度</Text><Text className='row__value'>{score(figures.overall.average)} {change(figures.overall.average, figures.overall.previousAverage)}</Text></View>
      </View>
      {figures.desk ? (
        <View className='card' id='monthly-desk'>
          <Text className='card__title'>咨询与建议（服务台登记）</Text>
          <View className='row'><Text className='row__label'>收到</Text><Text className='row__value'>{figures.desk.received} 件</Text></View>
          {figures.desk.byKind.map((k) => (
            <View className='row' key={k.kind}><Text className='row__label'>其中{k.label}</Text><Text className='row__value'>{k.count} 件</Text></View>
          ))}
          <View className='row'><Text className='row__label'>按时回复 / 超时回复</Text><Text className='row__value'>{figures.desk.answeredInTime} / {figures.desk.answeredLate}</Text></View>
          <View className='row'><Text className='row__label'>尚未回复</Text><Text className={`row__value${figures.desk.open > 0 ? ' text-danger' : ''}`}>{figures.desk.open} 件</Text></View>
        </View>
      ) : null}
      <View className='card' id='monthly-repair-breaches'>
        <Text className='card__title'>报修超时（按项目经理和类别）</Text>
        {figures.repairBreaches.length === 0 ? <Text className='muted report-block'>本期没有超时的报修</Text> : null}
        <BarChart
          id='chart-repair-breaches'
          max={Math.max(1, ...breaches.map((m) => m.breaches))}
          bars={breaches.map((m) => ({ key: m.siteManagerId, label: m.name, value: m.breaches, text: `超时 ${m.breaches} 次（${m.tickets} 单）`, tone: 'red' }))}
        />
        {breaches.length ? <Text className='muted report-block'>各类别明细：</Text> : null}
        {figures.repairBreaches.map((r) => (
          <View className='row breach-row' key={`${r.siteManagerId}:${r.category}`}>
            <Text className='row__label breach-row__label'>{r.name} · {r.categoryLabel}</Text>
            <Text className='row__value breach-row__value text-danger'>超时 {r.breaches} 次（{r.tickets} 单）</Text>
          </View>
        ))}
      </View>
    </>
  );
}
