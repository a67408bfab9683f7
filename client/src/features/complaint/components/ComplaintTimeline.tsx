import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { formatCst } from '@shared/core/time';

/** Every step of a complaint, newest first: what happened, when, who, at which department, and any note. */
export function ComplaintTimeline({ history }: { history: ComplaintView['history'] }) {
  const events = [...history].reverse();
  return (
    <View className='card' id='complaint-timeline'>
      <View className='card__head'>
        <Text className='card__title'>处理记录</Text>
      </View>
      <View className='timeline'>
        {events.map((e, i) => (
          <View key={`${e.type}-${e.at}-${i}`} className={`timeline__item${i === 0 ? ' timeline__item--latest' : ''}`} id={`complaint-event-${events.length - 1 - i}`}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__label'>{e.label}</Text>
              <Text className='timeline__meta'>
                <Text className='nowrap'>{formatCst(e.at)}</Text> · <Text className='nowrap'>{e.departmentLabel}</Text>
                {e.byName ? (
                  <>
                    {' · '}
                    <Text className='nowrap'>{e.byName}</Text>
                  </>
                ) : null}
              </Text>
              {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
