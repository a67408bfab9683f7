import { Text, View } from '@tarojs/components';

const MAX = 99;

/** A whole number 0–99 with big − and + buttons; nothing until the first tap. */
export function CountAnswer({ id, value, onChange }: { id: string; value: number | undefined; onChange: (n: number) => void }) {
  const step = (by: number) => onChange(Math.min(MAX, Math.max(0, (value ?? (by > 0 ? 0 : 1)) + by)));
  return (
    <View className='stepper'>
      <View id={`${id}-minus`} className={`stepper__btn${value === 0 ? ' stepper__btn--off' : ''}`} hoverClass='btn--pressed' onClick={() => step(-1)}>
        −
      </View>
      <View className='stepper__value' id={`${id}-value`}>
        {value === undefined ? <Text className='muted'>未填</Text> : <Text>{value}</Text>}
      </View>
      <View id={`${id}-plus`} className={`stepper__btn${value === MAX ? ' stepper__btn--off' : ''}`} hoverClass='btn--pressed' onClick={() => step(1)}>
        +
      </View>
    </View>
  );
}
