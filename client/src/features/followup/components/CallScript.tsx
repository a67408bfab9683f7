import { Text, View } from '@tarojs/components';

/** What to say, line by line: greeting, purpose, hotline. Id: `#call-script`. */
export function CallScript({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <View className='card call-script' id='call-script'>
      <View className='card__head'>
        <Text className='card__title'>话术</Text>
      </View>
      {lines.map((line, i) => (
        <Text key={i} className='call-script__line'>
          {line}
        </Text>
      ))}
    </View>
  );
}
