import { Text, View } from '@tarojs/components';

/** How the homeowner can seek further remedy once there is a result, the regulator's 12315 included. */
export function FurtherRemedies({ ways }: { ways: readonly string[] }) {
  if (ways.length === 0) return null;
  return (
    <View className='card complaint-remedies' id='complaint-remedies'>
      <View className='card__head'>
        <Text className='card__title'>对处理结果不满意，您还可以</Text>
      </View>
      {ways.map((w) => (
        <Text key={w} className='complaint-remedies__item'>
          · {w}
        </Text>
      ))}
    </View>
  );
}
