import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatCst, type Millis } from '@shared/core/time';
import { FormButtons } from '@/components/FormButtons';
import { DateTimeChips, useDateTime } from '@/components/DateTimeChips';
import { VISIT_TIMES, visitInstant, visitTimeUsable } from '../model/visitOptions';

interface Props {
  now: Millis;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (visitAt: Millis) => void;
}

/** A date-and-time picker for the visit agreed with the homeowner: next 14 days, half-hour steps. */
export function ScheduleForm({ now, busy, onCancel, onSubmit }: Props) {
  const pick = useDateTime(now, 14);
  const { date, time } = pick;
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    if (!time) return setError('请选择上门的具体时间');
    if (!visitTimeUsable(date, time, now)) return setError('这个时间已经过去了，请选之后的时间');
    setError(null);
    onSubmit(visitInstant(date, time));
  };

  return (
    <View className='action-card__form schedule-form' id='schedule-form'>
      <DateTimeChips
        pick={pick}
        idPrefix='schedule'
        dateLabel='上门日期'
        timeLabel='上门时间'
        times={VISIT_TIMES}
        usable={(d, t) => visitTimeUsable(d, t, now)}
        error={error}
      />
      {time ? (
        <View className='banner banner--info'>
          将与业主约定：<Text className='nowrap'>{formatCst(visitInstant(date, time), 'YYYY-MM-DD HH:mm')}</Text>（北京时间）
        </View>
      ) : null}
      <FormButtons idPrefix='schedule' submitLabel='确认上门时间' busy={busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
