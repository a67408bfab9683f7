import { Text, View } from '@tarojs/components';

export interface Figure {
  key: string;
  label: string;
  text: string;
  /** the figure in red: a target missed, a low score */
  warn?: boolean;
}

/**
 * A chart's figures written out under it, so every value reads as text too (screen readers, a glance
 * without reading the picture): `rows` one per line, `wrap` as short pairs side by side (a trend's periods).
 */
export function ChartFigures({ figures, layout, id }: { figures: Figure[]; layout: 'rows' | 'wrap'; id?: string }) {
  return (
    <View className={`chart-figures chart-figures--${layout}`} id={id}>
      {figures.map((f) => (
        <View className='chart-figure' key={f.key}>
          <Text className='chart-figure__label'>{f.label}</Text>
          <Text className={`chart-figure__value ${f.warn ? 'text-danger' : ''}`}>{f.text}</Text>
        </View>
      ))}
    </View>
  );
}
