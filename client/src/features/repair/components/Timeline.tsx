import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { formatCst } from '@shared/core/time';

/** Every status change of a ticket, newest first, with who did it and any note. */
export function Timeline({ history }: { history: RepairView['history'] }) {
  const events = [...history].reverse();
  return (
    <View className='card' id='repair-timeline'>
      <View className='card__head'>
        <Text className='card__title'>处理进度</Text>
      </View>
      <View className='timeline'>
        {events.map((e, i) => (
          <View key={`${e.type}-${e.at}-${i}`} className={`timeline__item${i === 0 ? ' timeline__item--latest' : ''}`}>
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__label'>{e.label}</Text>
              <Text className='timeline__meta'>
                <Text className='nowrap'>{formatCst(e.at)}</Text>
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
