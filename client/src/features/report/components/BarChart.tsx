import { Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  /** the bar's length, against `max` */
  value: number;
  /** what is written after the bar */
  text: string;
  /** a second, thinner bar under it (last month), against the same max */
  previous?: number | null;
  tone?: 'green' | 'orange' | 'red' | 'blue';
}

/**
 * Horizontal bars drawn with sized Views (no chart library: the same markup renders in WeChat and in
 * H5). Each row: the label, the bar (width = value ÷ max), the figure; optionally last month's bar.
 */
export function BarChart({ bars, max, id, legend }: { bars: Bar[]; max: number; id?: string; legend?: string }) {
  const width = (v: number) => `${Math.max(0, Math.min(100, max > 0 ? (v / max) * 100 : 0))}%`;
  return (
    <View className='bar-chart' id={id}>
      {bars.map((b) => (
        <View className='bar-chart__row' key={b.key}>
          <Text className='bar-chart__label'>{b.label}</Text>
          <View className='bar-chart__track'>
            <View className={`bar-chart__bar bar-chart__bar--${b.tone ?? 'blue'}`} style={{ width: width(b.value) }} />
            {b.previous !== undefined && b.previous !== null ? <View className='bar-chart__bar bar-chart__bar--previous' style={{ width: width(b.previous) }} /> : null}
          </View>
          <Text className='bar-chart__value'>{b.text}</Text>
        </View>
      ))}
      {legend ? <Text className='bar-chart__legend muted'>{legend}</Text> : null}
    </View>
  );
}
