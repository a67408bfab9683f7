import { useMemo } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { Millis } from '@shared/core/time';
import type { PreferredVisit, VisitSlot } from '@shared/repair/ticket';
import { nextDays } from '@/lib/calendar';
import { slotOptions } from '../model/visitOptions';

interface Props {
  now: Millis;
  value: Partial<PreferredVisit>;
  onChange: (v: Partial<PreferredVisit>) => void;
  error?: string;
}

/** The homeowner's preferred visit: a day in the next two weeks and a slot that has not passed. */
export function VisitField({ now, value, onChange, error }: Props) {
  const days = useMemo(() => nextDays(now, 14), [now]);
  const slots = value.date ? slotOptions(value.date, now) : [];
  const pickDay = (date: string) => {
    const stillOpen = value.slot && slotOptions(date, now).some((s) => s.slot === value.slot && !s.passed);
    onChange({ date, slot: stillOpen ? value.slot : undefined });
  };
  return (
    <View className='field'>
      <View className='field__label'>希望上门时间</View>
      <ScrollView scrollX className='hscroll'>
        <View className='hscroll__inner'>
          {days.map((d) => (
            <View key={d.date} id={`visit-date-${d.date}`} className={`chip${d.date === value.date ? ' chip--active' : ''}`} onClick={() => pickDay(d.date)}>
              <Text>{d.label}</Text>
              <Text className='chip__sub'>{d.sub}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {value.date ? (
        <View className='chips chips--grid visit-slots'>
          {slots.map((s) => (
            <View
              key={s.slot}
              id={`visit-slot-${s.slot}`}
              className={`chip${s.slot === value.slot ? ' chip--active' : ''}${s.passed ? ' chip--disabled' : ''}`}
              onClick={() => !s.passed && onChange({ ...value, slot: s.slot as VisitSlot })}
            >
              <Text>{s.label.split(' ')[0]}</Text>
              <Text className='chip__sub nowrap'>{s.passed ? '已过' : s.label.split(' ')[1]}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='muted'>先选日期，再选时段</Text>
      )}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
