import { Canvas } from '@antv/f2';
import { breachesPerManager } from '../../client/src/features/report/model/breaches';
import { drawBars } from '../../client/src/features/report/model/barChart';
import { drawTrend } from '../../client/src/features/report/model/trendChart';

type Row = Parameters<typeof breachesPerManager>[0][number];
const row = (siteManagerId: string, name: string, category: Row['category'], breaches: number, tickets: number): Row => ({
  siteManagerId, name, category, categoryLabel: category, breaches, tickets,
});

describe('the monthly report’s chart of missed repair deadlines', () => {
  it('adds up each site manager’s missed deadlines and tickets over the categories, most first', () => {
    const rows = [row('sm-zhang', '张建国', 'electrical', 2, 1), row('sm-wang', '王强', 'plumbing', 3, 2), row('sm-zhang', '张建国', 'plumbing', 2, 2)];
    expect(breachesPerManager(rows)).toEqual([
      { siteManagerId: 'sm-zhang', name: '张建国', breaches: 4, tickets: 3 },
      { siteManagerId: 'sm-wang', name: '王强', breaches: 3, tickets: 2 },
    ]);
  });

  it('orders site managers with as many misses by name, and has no bar when nothing was missed', () => {
    // (in the order of the names' characters, as localeCompare puts them without a locale: 李 before 陈)
    const tied = breachesPerManager([row('sm-a', '陈一', 'electrical', 1, 1), row('sm-b', '李四', 'electrical', 1, 1)]);
    expect(tied.map((m) => m.name)).toEqual(['李四', '陈一']);
    expect(breachesPerManager([])).toEqual([]);
  });
});

/** A filled or stroked path: its colour and the points it went through. */
interface Painted {
  colour: unknown;
  dash: number[];
  ys: number[];
}

/**
 * A 2d context as WeChat's <canvas type="2d"> node hands it over: the drawing calls and nothing of the
 * DOM (its `canvas` is a plain object, no element, no `draw()` of the old canvas API), recording what is
 * painted. Text is measured as 12 px per character.
 */
function wechatContext() {
  const state: Record<string | symbol, unknown> = { lineDash: [] };
  const fills: Painted[] = [];
  const strokes: Painted[] = [];
  const texts: string[] = [];
  const scales: number[][] = [];
  let ys: number[] = [];
  const calls: Record<string, (...args: number[]) => unknown> = {
    beginPath: () => void (ys = []),
    moveTo: (_x, y) => void ys.push(y),
    lineTo: (_x, y) => void ys.push(y),
    arc: (_x, y) => void ys.push(y),
    fill: () => void fills.push({ colour: state.fillStyle, dash: state.lineDash as number[], ys }),
    stroke: () => void strokes.push({ colour: state.strokeStyle, dash: state.lineDash as number[], ys }),
    fillText: (text) => void texts.push(String(text)),
    scale: (x, y) => void scales.push([x, y]),
    setLineDash: (dash) => void (state.lineDash = dash),
    measureText: (text) => ({ width: String(text).length * 12 }),
  };
  const ignored = new Set(['save', 'restore', 'clearRect', 'closePath', 'translate', 'rotate', 'transform', 'setTransform', 'clip', 'rect', 'quadraticCurveTo', 'bezierCurveTo', 'arcTo', 'fillRect', 'strokeText']);
  const context = new Proxy(state, {
    get(_t, prop) {
      if (prop === 'canvas') return { width: 640, height: 400 };
      if (typeof prop === 'string' && prop in calls) return calls[prop];
      if (typeof prop === 'string' && ignored.has(prop)) return () => undefined;
      return state[prop];
    },
    set(_t, prop, value) {
      state[prop] = value;
      return true;
    },
  }) as unknown as ConstructorParameters<typeof Canvas>[0]['context'];
  return { context, fills, strokes, texts, scales };
}

/** Draws a chart tree on the WeChat-style context at 320 × 200 CSS px, pixel ratio 2 (design px are halved). */
function drawOnWeChat(children: ReturnType<typeof drawBars>) {
  const canvas = wechatContext();
  const px = (design: number) => design / 2;
  new Canvas({ context: canvas.context, pixelRatio: 2, width: 320, height: 200, animate: false, px2hd: px, children }).render();
  return canvas;
}
const halve = (design: number) => design / 2;

describe('the report charts, drawn by F2 on a WeChat canvas node’s 2d context', () => {
  it('draws this month’s bar in its colour above last month’s grey one, with the label and the figure, scaled for the pixel ratio', () => {
    const drawn = drawOnWeChat(drawBars({ bars: [{ key: 'started', label: '开工回访', value: 4.3, text: '4.3 ↑1.3', previous: 3, tone: 'green' }], max: 5 }, halve));
    expect(drawn.scales).toEqual([[2, 2]]);
    const green = drawn.fills.find((f) => f.colour === '#07c160');
    const grey = drawn.fills.find((f) => f.colour === '#c9cdd4');
    if (!green || !grey) throw new Error(`bars not both drawn: ${JSON.stringify(drawn.fills.map((f) => f.colour))}`);
    expect(Math.max(...green.ys)).toBeLessThanOrEqual(Math.min(...grey.ys));
    expect(drawn.texts).toEqual(expect.arrayContaining(['开工回访', '4.3 ↑1.3']));
  });

  it('draws the follow-up rate’s target as a red dashed line, and each week’s figure, with nothing for a week without one', () => {
    const drawn = drawOnWeChat(
      drawTrend({
        max: 1, axis: 'percent', target: 0.9, targetLabel: '目标 90%',
        points: [
          { key: 'w1', label: '11/9', value: 0.25, text: '25%', tone: 'orange' },
          { key: 'w2', label: '11/16', value: null, text: '—', tone: 'orange' },
          { key: 'w3', label: '11/23', value: 1, text: '100%', tone: 'green' },
        ],
      }, halve),
    );
    const target = drawn.strokes.filter((s) => s.colour === '#fa5151');
    expect(target).toHaveLength(1);
    expect(target[0].dash.length).toBeGreaterThan(0);
    // straight across, and above the 25% week's point, below the 100% one's
    expect(new Set(target[0].ys).size).toBe(1);
    const pointYs = (colour: string) => drawn.fills.filter((f) => f.colour === colour).flatMap((f) => f.ys);
    expect(target[0].ys[0]).toBeLessThan(Math.min(...pointYs('#fa9d3b')));
    expect(target[0].ys[0]).toBeGreaterThan(Math.max(...pointYs('#07c160')));
    // the periods under the axis, the figures above their points, the axis marks every quarter
    expect(drawn.texts).toEqual(expect.arrayContaining(['11/9', '11/16', '11/23', '25%', '100%', '0%', '50%', '75%']));
    expect(drawn.texts).not.toContain('—');
    // the points: orange for the week under the target, green for the one over it
    expect(drawn.fills.map((f) => f.colour)).toEqual(expect.arrayContaining(['#fa9d3b', '#07c160']));
  });
});
