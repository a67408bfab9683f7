import { useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { formatCst, type Millis } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { nextDays } from '@/lib/calendar';
import { VISIT_TIMES, visitInstant, visitTimeUsable } from '../model/visitOptions';

interface Props {
  now: Millis;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (visitAt: Millis) => void;
}

/** A date-and-time picker for the visit agreed with the homeowner: next 14 days, half-hour steps. */
export function ScheduleForm({ now, busy, onCancel, onSubmit }: Props) {
  const days = useMemo(() => nextDays(now, 14), [now]);
  const [date, setDate] = useState(days[0].date);
  const [time, setTime] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!time) return setError('请选择上门的具体时间');
    if (!visitTimeUsable(date, time, now)) return setError('这个时间已经过去了，请选之后的时间');
    setError(null);
    onSubmit(visitInstant(date, time));
  };

  return (
    <View className='action-card__form schedule-form' id='schedule-form'>
      <View className='field'>
        <View className='field__label'>上门日期</View>
        <ScrollView scrollX className='hscroll'>
          <View className='hscroll__inner'>
            {days.map((d) => (
              <View
                key={d.date}
                id={`schedule-date-${d.date}`}
                className={`chip${d.date === date ? ' chip--active' : ''}`}
                onClick={() => {
                  setDate(d.date);
                  if (time && !visitTimeUsable(d.date, time, now)) setTime(null);
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
        <View className='field__label'>上门时间</View>
        <View className='chips chips--grid4'>
          {VISIT_TIMES.map((t) => {
            const usable = visitTimeUsable(date, t, now);
            return (
              <View
                key={t}
                id={`schedule-time-${t.replace(':', '')}`}
                className={`chip${t === time ? ' chip--active' : ''}${usable ? '' : ' chip--disabled'}`}
                onClick={() => usable && setTime(t)}
              >
                {t}
              </View>
            );
          })}
        </View>
        {error ? <View className='field__error'>{error}</View> : null}
      </View>
      {time ? (
        <View className='banner banner--info'>
          将与业主约定：<Text className='nowrap'>{formatCst(visitInstant(date, time), 'YYYY-MM-DD HH:mm')}</Text>（北京时间）
        </View>
      ) : null}
      <View className='btn-row'>
        <ActionButton onClick={onCancel} id='schedule-cancel'>
          取消
        </ActionButton>
        <ActionButton kind='primary' busy={busy} onClick={submit} id='schedule-submit'>
          确认上门时间
        </ActionButton>
      </View>
    </View>
  );
}
