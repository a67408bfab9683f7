import { useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { Millis } from '@shared/core/time';
import { nextDays } from '@/lib/calendar';

/** The chosen day ('YYYY-MM-DD', CST) and time ('HH:mm', or null until one is picked) of a DateTimeChips. */
export function useDateTime(now: Millis, dayCount: number) {
  const days = useMemo(() => nextDays(now, dayCount), [now, dayCount]);
  const [date, setDate] = useState(days[0].date);
  const [time, setTime] = useState<string | null>(null);
  return { days, date, setDate, time, setTime };
}

export type DateTimePick = ReturnType<typeof useDateTime>;

interface Props {
  pick: DateTimePick;
  /** ids: `<idPrefix>-date-YYYY-MM-DD`, `<idPrefix>-time-HHmm` */
  idPrefix: string;
  dateLabel: string;
  timeLabel: string;
  times: readonly string[];
  /** whether a day and time may still be chosen (not yet past) */
  usable: (date: string, time: string) => boolean;
  onTimePicked?: () => void;
  error?: string | null;
}

/** A row of day chips and a grid of time chips; a day on which the chosen time has passed drops the time. */
export function DateTimeChips({ pick, idPrefix, dateLabel, timeLabel, times, usable, onTimePicked, error }: Props) {
  const { days, date, setDate, time, setTime } = pick;
  return (
    <>
      <View className='field'>
        <View className='field__label'>{dateLabel}</View>
        <ScrollView scrollX className='hscroll'>
          <View className='hscroll__inner'>
            {days.map((d) => (
              <View
                key={d.date}
                id={`${idPrefix}-date-${d.date}`}
                className={`chip${d.date === date ? ' chip--active' : ''}`}
                onClick={() => {
                  setDate(d.date);
                  if (time && !usable(d.date, time)) setTime(null);
                }}
              >
                <Text>{d.label}</Text>
                <Text className='chip__sub'>{d.sub}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
      </View>
      <View className='field'>
        <View className='field__label'>{timeLabel}</View>
        <View className='chips chips--grid4'>
          {times.map((t) => {
            const ok = usable(date, t);
            return (
              <View
                key={t}
                id={`${idPrefix}-time-${t.replace(':', '')}`}
                className={`chip${t === time ? ' chip--active' : ''}${ok ? '' : ' chip--disabled'}`}
                onClick={() => {
                  if (!ok) return;
                  setTime(t);
                  onTimePicked?.();
                }}
              >
                {t}
              </View>
            );
          })}
        </View>
        {error ? <View className='field__error'>{error}</View> : null}
      </View>
    </>
  );
}
