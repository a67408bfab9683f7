import { Axis, Chart, Interval, TextGuide } from '@antv/f2';
import { element, TEXT_2, TONE_COLORS, type ChartTree, type DesignPx, type Tone } from './chartTheme';

export interface Bar {
  key: string;
  label: string;
  /** the bar's length, against `max` */
  value: number;
  /** what is written after the bar, and in the list under the chart */
  text: string;
  /** last period's bar beside it, in grey, against the same max */
  previous?: number | null;
  /** last period's figure, added to the list under the chart (the grey bar's value in words) */
  previousText?: string;
  tone?: Tone;
}

export interface Bars {
  bars: Bar[];
  max: number;
}

/** Design px per bar (and per pair of bars, this period's and last), and around the plot. */
const ROW = 64;
const PAIR = 96;
const AROUND = 48;

export const withPrevious = (bars: Bar[]) => bars.some((b) => b.previous !== undefined && b.previous !== null);
/** The chart's height in design px: a row per bar or pair of bars. */
export const heightOf = (bars: Bar[]) => AROUND + bars.length * (withPrevious(bars) ? PAIR : ROW);

/** Horizontal bars as F2 draws them: the label on the left, the bar, its figure after it; last period's bar in grey. */
export function drawBars({ bars, max }: Bars, px: DesignPx): ChartTree {
  const pairs = withPrevious(bars);
  // dodged bars stack upwards in the order of the data: last period's first puts this period's on top
  const data = bars.flatMap((b) => [
    ...(pairs ? [{ key: b.key, value: b.previous ?? 0, series: '上期', tone: 'grey' }] : []),
    { key: b.key, value: b.value, series: '本期', tone: b.tone ?? 'blue' },
  ]);
  const labels = new Map(bars.map((b) => [b.key, b.label]));
  return element(Chart, {
    data,
    coord: { transposed: true },
    // the first bar at the top
    scale: { key: { type: 'cat', values: bars.map((b) => b.key).reverse() }, value: { type: 'linear', min: 0, max, nice: false } },
    style: { padding: [px(8), px(150), px(8), px(8)] },
    children: [
      element(Axis, { field: 'key', formatter: (key: string) => labels.get(key) ?? key, style: { line: null, grid: null } }),
      element(Axis, { field: 'value', visible: false }),
      element(Interval, {
        // sizeRatio is each bar's share of its row (F2 does not halve it for a dodged pair)
        x: 'key', y: 'value', color: 'series', adjust: pairs ? 'dodge' : undefined, sizeRatio: pairs ? 0.36 : 0.6,
        style: { field: 'tone', fill: (tone: Tone) => TONE_COLORS[tone], radius: [0, px(8), px(8), 0] },
      }),
      ...bars.map((b) =>
        element(TextGuide, {
          key: `text-${b.key}`, records: [{ key: b.key, value: Math.max(b.value, b.previous ?? 0) }], content: b.text, offsetX: px(12),
          style: { fill: TEXT_2, fontSize: px(24), textAlign: 'start', textBaseline: 'middle' },
        }),
      ),
    ],
  });
}
