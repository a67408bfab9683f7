/** The report feature as pages see it: managers' weekly and monthly reports, with charts drawn by F2 (@antv/f2 4.x) on a canvas. */
export { fetchReport, fetchReportLists, type Glance, type ReportDetail } from './api/queries';
export { CsvButton } from './components/CsvButton';
export { MonthlyReportView } from './components/MonthlyReportView';
export { ReportCard } from './components/ReportCard';
export { ReportTrends } from './components/ReportTrends';
export { WeeklyReportView } from './components/WeeklyReportView';
export { GlanceCard } from './components/GlanceCard';
