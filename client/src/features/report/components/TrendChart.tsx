import { Text, View } from '@tarojs/components';

export interface Point {
  key: string;
  /** under the column */
  label: string;
  /** null: nothing to show for this period */
  value: number | null;
  /** above the column */
  text: string;
  tone?: 'green' | 'orange' | 'red' | 'blue';
}

/**
 * A trend over periods, oldest on the left: one column per period (height = value ÷ max), drawn with
 * sized Views so it renders the same in WeChat and in H5, with an optional target line across.
 */
export function TrendChart({ points, max, target, targetLabel, id }: { points: Point[]; max: number; target?: number; targetLabel?: string; id?: string }) {
  const height = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  return (
    <View className='trend-chart' id={id}>
      <View className='trend-chart__plot'>
        {target !== undefined ? (
          <View className='trend-chart__target' style={{ bottom: height(target) }} />
        ) : null}
        {points.map((p) => (
          <View className='trend-chart__col' key={p.key}>
            <View className={`trend-chart__bar trend-chart__bar--${p.tone ?? 'blue'}`} style={{ height: p.value === null ? '0' : height(p.value) }} />
            <Text className='trend-chart__text' style={{ bottom: p.value === null ? '0' : height(p.value) }}>
              {p.text}
            </Text>
          </View>
        ))}
      </View>
      <View className='trend-chart__axis'>
        {points.map((p) => (
          <Text className='trend-chart__label' key={p.key}>
            {p.label}
          </Text>
        ))}
      </View>
      {target !== undefined && targetLabel ? <Text className='trend-chart__legend'>红色虚线：{targetLabel}</Text> : null}
    </View>
  );
}
