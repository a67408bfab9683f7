import { toCsv } from '../admin/csv';
import { describePeriod } from './periods';
import type { MonthlyFigures, Report, WeeklyFigures, WeeklyRow } from './report';

type Cell = string | number | null;
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const yes = (b: boolean) => (b ? '是' : '否');
const orDash = (n: number | null) => (n === null ? '—' : n);

/** One section of the sheet: a title row, a header and rows, then a blank line. */
function section(title: string, header: string[], rows: Cell[][]): Cell[][] {
  return [[title], header, ...(rows.length ? rows : [['（无）']]), []];
}

const followUpRows = (rows: WeeklyRow[]): Cell[][] =>
  rows.map((r) => [r.projectName, r.label, r.dueDate, r.stateLabel, yes(r.made), yes(r.answered), orDash(r.score)]);
const FOLLOW_UP_HEADER = ['项目', '回访', '应回访日', '状态', '已回访', '已答卷', '总体评分'];

function weeklySheet(f: WeeklyFigures): Cell[][] {
  const s = f.summary;
  return [
    ...section('在施工程回访情况', FOLLOW_UP_HEADER, followUpRows(f.underConstruction)),
    ...section('竣工工程回访情况', FOLLOW_UP_HEADER, followUpRows(f.completed)),
    ...section('本周回访情况', ['应回访', '已回访', '已答卷', '回访率', '目标', '是否达标'], [[s.due, s.made, s.answered, percent(s.rate), percent(s.target), s.meetsTarget === null ? '—' : yes(s.meetsTarget)]]),
    ...section('回访不足三次的工程', ['项目', '已回访次数'], s.belowThree.map((p) => [p.projectName, p.made])),
    ...section('本周竣工工程一览表', ['项目', '竣工日期', '项目经理'], f.completedThisWeek.map((p) => [p.projectName, p.completed, p.siteManagerName])),
  ];
}

function monthlySheet(f: MonthlyFigures): Cell[][] {
  const c = f.complaints;
  return [
    ...section('被投诉比率（设计师、巡检、项目经理）', ['姓名', '岗位', '负责工程数', '被投诉次数', '投诉比率'], f.complaintRatios.map((r) => [r.name, r.roleLabel, r.projects, r.complaints, r.ratio])),
    ...section('报修超时（按项目经理和类别）', ['项目经理', '类别', '超时次数', '涉及报修单'], f.repairBreaches.map((r) => [r.name, r.categoryLabel, r.breaches, r.tickets])),
    ...section('投诉分析', ['收到投诉', '已解决', '未达成一致', '平均处理时长（小时）', '处理满意度（0-5）', '评价份数'], [[c.received, c.closed, c.unresolved, orDash(c.averageHandlingHours), orDash(c.handlingSatisfaction), c.handlingAnswers]]),
    ...section('各阶段满意度（0-5）', ['阶段', '本月平均', '答卷数', '上月平均'], f.satisfactionByStage.map((r) => [r.label, orDash(r.average), r.answers, orDash(r.previousAverage)])),
    ...section('员工满意度（0-5）', ['姓名', '岗位', '本月平均', '答卷数', '上月平均'], f.satisfactionByStaff.map((r) => [r.name, r.roleLabel, orDash(r.average), r.answers, orDash(r.previousAverage)])),
    ...section('总体满意度（0-5）', ['本月平均', '答卷数', '上月平均'], [[orDash(f.overall.average), f.overall.answers, orDash(f.overall.previousAverage)]]),
    ...(f.desk ? section('咨询与建议（服务台登记）', ['收到', ...f.desk.byKind.map((k) => k.label), '24 小时内回复', '超时回复', '尚未回复'], [[f.desk.received, ...f.desk.byKind.map((k) => k.count), f.desk.answeredInTime, f.desk.answeredLate, f.desk.open]]) : []),
  ];
}

/** The report as a CSV sheet (UTF-8 with BOM, so Excel shows the Chinese): its title, period, then each section. */
export function reportCsv(report: Pick<Report, 'label' | 'period'> & ({ kind: 'weekly'; figures: WeeklyFigures } | { kind: 'monthly'; figures: MonthlyFigures })): string {
  const rows = report.kind === 'weekly' ? weeklySheet(report.figures) : monthlySheet(report.figures);
  return toCsv([report.label], [[`统计期间：${describePeriod(report.period)}`], [], ...rows]);
}
