import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Canvas as F2Canvas } from '@antv/f2';
import { useEffect, useState } from 'react';
import { CHART_THEME, type ChartTree, type DesignPx } from '../model/chartTheme';

/** The canvas node of a `<Canvas type='2d'>`: WeChat's Canvas node, or the browser's HTMLCanvasElement. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D | null;
}

interface FoundCanvas {
  node: CanvasNode;
  /** CSS pixels */
  width: number;
  height: number;
}

const TRIES = 40;
const RETRY_MS = 50;

/** One selector query for the canvas and its size (WeChat; Taro's H5 answers it too once the inner <canvas> exists). */
function queryCanvas(id: string): Promise<FoundCanvas | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true }, (res: { node?: CanvasNode | null; width?: number; height?: number } | null) => {
        const node = res?.node;
        resolve(node && typeof node.getContext === 'function' && res.width && res.height ? { node, width: res.width, height: res.height } : null);
      })
      .exec();
  });
}

/** H5: the <canvas> that Taro's <taro-canvas-core> renders inside itself, sized by the element around it. */
function domCanvas(id: string): FoundCanvas | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  const host = document.getElementById(id);
  const node = host?.getElementsByTagName('canvas')[0];
  if (!host || !node) return null;
  const { width, height } = host.getBoundingClientRect();
  return width && height ? { node, width, height } : null;
}

/** The canvas once it is on the screen: a page's views reach WeChat's render layer a moment after React mounts them. */
async function findCanvas(id: string): Promise<FoundCanvas | null> {
  for (let i = 0; i < TRIES; i++) {
    const found = (await queryCanvas(id)) ?? domCanvas(id);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  return null;
}

/** The window's width, again when it changes (a browser window resized, a phone turned), so a chart redraws to fit. */
function useWindowWidth(): number {
  const [width, setWidth] = useState(() => Taro.getSystemInfoSync().windowWidth);
  useEffect(() => {
    // the width is read again rather than taken from the event: Taro's H5 passes the screen's size, flat
    const changed = () => setWidth(Taro.getSystemInfoSync().windowWidth);
    Taro.onWindowResize(changed);
    return () => Taro.offWindowResize(changed);
  }, []);
  return width;
}

interface Props<T> {
  /** the canvas's id, unique on the page */
  id: string;
  /** height in design px (750 wide, like the stylesheets) */
  height: number;
  /** what is drawn; the chart is drawn again when it changes (compared as JSON) */
  data: T;
  /** the F2 element tree for `data`; `px` turns design px into the canvas's CSS px */
  draw: (data: T, px: DesignPx) => ChartTree;
}

/**
 * A chart drawn by F2 (@antv/f2 4.x) on a `<Canvas type='2d'>`, the same code in WeChat and in H5. After
 * the canvas is on the screen it is found (WeChat: the node of a selector query; H5: the <canvas> inside
 * Taro's canvas element), its backing store is sized to CSS size × pixel ratio, and F2 draws on its 2d
 * context, without animation. New data, or a new window width, draws the chart afresh; leaving the page
 * destroys it.
 * Design px become CSS px at the rate the canvas itself was sized (its CSS height ÷ `height`), so text
 * in the chart matches the stylesheets' sizes on any screen.
 */
export function F2Chart<T>({ id, height, data, draw }: Props<T>) {
  const key = JSON.stringify(data);
  const windowWidth = useWindowWidth();
  useEffect(() => {
    let chart: F2Canvas | null = null;
    let gone = false;
    void findCanvas(id).then((found) => {
      if (gone || !found) return;
      const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1;
      found.node.width = Math.round(found.width * pixelRatio);
      found.node.height = Math.round(found.height * pixelRatio);
      const context = found.node.getContext('2d');
      if (!context) return;
      const rate = found.height / height;
      const px: DesignPx = (design) => Math.round(design * rate * 10) / 10;
      chart = new F2Canvas({
        context, pixelRatio, width: found.width, height: found.height, animate: false, px2hd: px, theme: CHART_THEME,
        children: draw(data, px),
      });
      chart.render();
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
    // `key` stands for `data` (a new object with the same figures draws nothing new); `draw` is a
    // module-level function of the chart's kind
  }, [id, height, key, windowWidth]);
  return <Canvas type='2d' id={id} className='f2-chart' style={{ height: Taro.pxTransform(height) }} />;
}
