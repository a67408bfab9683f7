import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { formatCst, type Millis } from '@shared/core/time';

export interface TimelineEvent {
  type: string;
  label: string;
  at: Millis;
  byName: string;
  note?: string;
  photos?: string[];
}

interface Props<E extends TimelineEvent> {
  id: string;
  title: string;
  /** oldest first, as stored; shown newest first */
  history: readonly E[];
  /** when given, each item's id is `<itemIdPrefix>-<index in history>` */
  itemIdPrefix?: string;
  /** a line between the time and who, e.g. the department */
  where?: (e: E) => string;
  /** shown under an item's note, e.g. the photos a homeowner added */
  extra?: (e: E) => ReactNode;
}

/** Every step of a record, newest first: what happened, when, (where,) who, and any note. */
export function Timeline<E extends TimelineEvent>({ id, title, history, itemIdPrefix, where, extra }: Props<E>) {
  const events = [...history].reverse();
  return (
    <View className='card' id={id}>
      <View className='card__head'>
        <Text className='card__title'>{title}</Text>
      </View>
      <View className='timeline'>
        {events.map((e, i) => (
          <View
            key={`${e.type}-${e.at}-${i}`}
            className={`timeline__item${i === 0 ? ' timeline__item--latest' : ''}`}
            id={itemIdPrefix ? `${itemIdPrefix}-${events.length - 1 - i}` : undefined}
          >
            <View className='timeline__dot' />
            <View className='timeline__body'>
              <Text className='timeline__label'>{e.label}</Text>
              <Text className='timeline__meta'>
                <Text className='nowrap'>{formatCst(e.at)}</Text>
                {where ? (
                  <>
                    {' · '}
                    <Text className='nowrap'>{where(e)}</Text>
                  </>
                ) : null}
                {e.byName ? (
                  <>
                    {' · '}
                    <Text className='nowrap'>{e.byName}</Text>
                  </>
                ) : null}
              </Text>
              {e.note ? <Text className='timeline__note'>{e.note}</Text> : null}
              {extra ? extra(e) : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
