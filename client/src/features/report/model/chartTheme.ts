import { jsx } from '@antv/f2';

/** What an F2 chart is made of before it is drawn: the tree that `jsx(Chart, …)` builds. */
export type ChartTree = ReturnType<typeof jsx>;

/**
 * An element of an F2 chart (F2's `jsx`, called plainly: no JSX transform for F2 next to React's). Any F2
 * component is accepted: the typings of 4.0.51 declare Axis with props its own ElementType does not allow.
 */
export const element = (type: unknown, props: Record<string, unknown>): ChartTree => jsx(type as Parameters<typeof jsx>[0], props);

/** Design px (750-wide, as in the stylesheets) to the canvas's CSS px. */
export type DesignPx = (design: number) => number;

export type Tone = 'green' | 'orange' | 'red' | 'blue' | 'grey';

/** The stylesheet tokens (styles/_tokens.scss) the charts draw with. */
export const TONE_COLORS: Record<Tone, string> = {
  green: '#07c160',
  orange: '#fa9d3b',
  red: '#fa5151',
  blue: '#1677ff',
  grey: '#c9cdd4',
};
export const TEXT_2 = '#646a73';
export const LINE = '#e5e6eb';

/**
 * F2's theme with the app's sizes: strings in 'px' are design px, which F2 turns into CSS px through the
 * chart's `px2hd`; axis text is 24 design px (12 px on a phone), the smallest text the app uses.
 */
export const CHART_THEME = {
  axis: {
    labelOffset: '12px',
    line: { stroke: LINE, lineWidth: '2px' },
    label: { fill: TEXT_2, fontSize: '24px' },
    grid: { stroke: LINE, lineWidth: '2px', lineDash: ['6px'] },
  },
};
