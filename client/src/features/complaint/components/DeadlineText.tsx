import { Text, View } from '@tarojs/components';
import { Phrases } from '@/components/Phrases';
import type { DeadlineLine } from '../model/deadline';

/** The answer owed now: when it is due (or how late it is), coloured by urgency. */
export function DeadlineText({ line, id }: { line: DeadlineLine; id?: string }) {
  return (
    <View className={`complaint-deadline complaint-deadline--${line.tone}`} id={id}>
      <Text className='complaint-deadline__text'>
        <Phrases text={line.text} />
      </Text>
      {line.sub ? (
        <Text className='complaint-deadline__sub'>
          <Phrases text={line.sub} />
        </Text>
      ) : null}
    </View>
  );
}
