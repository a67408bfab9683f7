import { Axis, Chart, Line, LineGuide, Point, TextGuide } from '@antv/f2';
import { element, TEXT_2, TONE_COLORS, type ChartTree, type DesignPx, type Tone } from './chartTheme';

export interface TrendPoint {
  key: string;
  /** under the period's point */
  label: string;
  /** null: nothing to show for this period */
  value: number | null;
  /** above the point, and in the list under the chart */
  text: string;
  tone?: Tone;
}

export interface Trend {
  points: TrendPoint[];
  /** the top of the value axis */
  max: number;
  /** how the value axis is labelled */
  axis: 'percent' | 'score';
  target?: number;
  targetLabel?: string;
}

/** The chart's height in design px. */
export const TREND_HEIGHT = 360;
const axisText = (axis: Trend['axis']) => (axis === 'percent' ? (v: number) => `${Math.round(v * 100)}%` : (v: number) => String(v));
/** The value axis's marks: every quarter of a rate, every point of a score. */
const ticksOf = (t: Trend) => (t.axis === 'percent' ? [0, 1, 2, 3, 4].map((i) => (t.max * i) / 4) : Array.from({ length: Math.floor(t.max) + 1 }, (_, i) => i));

/** The trend as F2 draws it: a line through the periods, a coloured point and its figure at each, the target dashed across. */
export function drawTrend(t: Trend, px: DesignPx): ChartTree {
  const data = t.points.map((p) => ({ period: p.key, value: p.value, tone: p.tone ?? 'blue' }));
  const labels = new Map(t.points.map((p) => [p.key, p.label]));
  const text = { fill: TEXT_2, fontSize: px(24), textAlign: 'center', textBaseline: 'bottom' };
  return element(Chart, {
    data,
    style: { padding: [px(56), px(32), px(8), px(8)] },
    scale: { period: { type: 'cat' }, value: { type: 'linear', min: 0, max: t.max, ticks: ticksOf(t), nice: false } },
    children: [
      element(Axis, { field: 'period', formatter: (key: string) => labels.get(key) ?? key, style: { grid: null } }),
      element(Axis, { field: 'value', formatter: axisText(t.axis) }),
      element(Line, { x: 'period', y: 'value', color: TONE_COLORS.blue, style: { lineWidth: px(4) } }),
      element(Point, { x: 'period', y: 'value', size: px(10), style: { field: 'tone', fill: (tone: Tone) => TONE_COLORS[tone], stroke: '#fff', lineWidth: px(3) } }),
      ...t.points
        .filter((p) => p.value !== null)
        .map((p) => element(TextGuide, { key: `text-${p.key}`, records: [{ period: p.key, value: p.value }], content: p.text, offsetY: -px(16), style: text })),
      ...(t.target === undefined
        ? []
        : [
            element(LineGuide, { key: 'target', records: [{ period: 'min', value: t.target }, { period: 'max', value: t.target }], style: { stroke: TONE_COLORS.red, lineWidth: px(3), lineDash: [px(10), px(8)] } }),
          ]),
    ],
  });
}
