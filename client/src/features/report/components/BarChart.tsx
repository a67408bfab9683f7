import { Text, View } from '@tarojs/components';
import { drawBars, heightOf, withPrevious, type Bars } from '../model/barChart';
import { ChartFigures } from './ChartFigures';
import { F2Chart } from './F2Chart';

/**
 * Horizontal bars drawn by F2, one per row (value ÷ max), with last period's bar beside each when given;
 * the rows are listed under the chart as text too.
 */
export function BarChart({ bars, max, id, legend }: Bars & { id: string; legend?: string }) {
  if (bars.length === 0) return null;
  return (
    <View className='chart'>
      <F2Chart id={id} height={heightOf(bars)} data={{ bars, max }} draw={drawBars} />
      {legend && withPrevious(bars) ? <Text className='chart__legend muted'>{legend}</Text> : null}
      <ChartFigures id={`${id}-figures`} layout='rows' figures={bars.map((b) => ({ key: b.key, label: b.label, text: b.previousText ? `${b.text} · ${b.previousText}` : b.text, warn: b.tone === 'red' || b.tone === 'orange' }))} />
    </View>
  );
}
