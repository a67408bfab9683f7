import { Text } from '@tarojs/components';

/** A chip's second line, '漏水、堵塞、水压': it may wrap after a 、 but never inside a word. */
export function ChipSub({ text }: { text: string }) {
  const words = text.split('、');
  return (
    <Text className='chip__sub'>
      {words.map((w, i) => (
        <Text key={i} className='nowrap'>
          {i < words.length - 1 ? `${w}、` : w}
        </Text>
      ))}
    </Text>
  );
}
