import { Text, View } from '@tarojs/components';
import { drawTrend, TREND_HEIGHT, type Trend } from '../model/trendChart';
import { ChartFigures } from './ChartFigures';
import { F2Chart } from './F2Chart';

/**
 * A trend over periods, oldest on the left, drawn by F2: a line with a point per period (its colour says
 * whether it met the mark) and an optional red dashed target line; the figures are listed under it.
 */
export function TrendChart({ id, points, max, axis, target, targetLabel }: Trend & { id: string }) {
  return (
    <View className='chart'>
      <F2Chart id={id} height={TREND_HEIGHT} data={{ points, max, axis, target, targetLabel }} draw={drawTrend} />
      {target !== undefined && targetLabel ? <Text className='chart__legend text-danger'>红色虚线：{targetLabel}</Text> : null}
      <ChartFigures
        id={`${id}-figures`}
        layout='wrap'
        figures={points.map((p) => ({ key: p.key, label: p.label, text: p.text, warn: p.tone === 'orange' || p.tone === 'red' }))}
      />
    </View>
  );
}
