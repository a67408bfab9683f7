import { useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import { formatCst, type Millis } from '@shared/core/time';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { Phrases } from '@/components/Phrases';
import { TextField } from '@/components/TextField';
import { cstInstant, nextDays } from '@/lib/calendar';
import { PROMISE_TIMES, promiseUsable } from '../model/promiseOptions';

interface Props {
  complaintId: string;
  now: Millis;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (replyAt: Millis, text: string) => void;
}

/** 承诺答复时间: a day in the next 15, an hour, and a line for the homeowner on why it takes that long. */
export function PromiseForm({ complaintId, now, busy, onCancel, onSubmit }: Props) {
  const days = useMemo(() => nextDays(now, 15), [now]);
  const [date, setDate] = useState(days[0].date);
  const [time, setTime] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ time?: string; text?: string }>({});

  const submit = () => {
    if (!time) return setErrors({ time: '请选择承诺答复的时间' });
    if (!promiseUsable(date, time, now)) return setErrors({ time: '这个时间已经过去了，请选之后的时间' });
    const checked = validate(ComplaintInputs.promise, { complaintId, replyAt: cstInstant(date, time), text });
    if (!checked.ok) return setErrors({ time: checked.fields?.replyAt, text: checked.fields?.text ?? (checked.fields?.replyAt ? undefined : checked.message) });
    setErrors({});
    onSubmit(checked.data.replyAt, checked.data.text);
  };

  return (
    <View className='action-card__form' id='promise-form'>
      <View className='field'>
        <View className='field__label'>答复日期</View>
        <ScrollView scrollX className='hscroll'>
          <View className='hscroll__inner'>
            {days.map((d) => (
              <View
                key={d.date}
                id={`promise-date-${d.date}`}
                className={`chip${d.date === date ? ' chip--active' : ''}`}
                onClick={() => {
                  setDate(d.date);
                  if (time && !promiseUsable(d.date, time, now)) setTime(null);
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
        <View className='field__label'>答复时间</View>
        <View className='chips chips--grid4'>
          {PROMISE_TIMES.map((t) => {
            const usable = promiseUsable(date, t, now);
            return (
              <View
                key={t}
                id={`promise-time-${t.replace(':', '')}`}
                className={`chip${t === time ? ' chip--active' : ''}${usable ? '' : ' chip--disabled'}`}
                onClick={() => {
                  if (!usable) return;
                  setTime(t);
                  setErrors((e) => ({ ...e, time: undefined }));
                }}
              >
                {t}
              </View>
            );
          })}
        </View>
        {errors.time ? <View className='field__error'>{errors.time}</View> : null}
      </View>
      {time ? (
        <View className='banner banner--info'>
          <Phrases text={`承诺在 ${formatCst(cstInstant(date, time), 'YYYY-MM-DD HH:mm')}（北京时间）`} />
          <Text className='nowrap'>前答复业主</Text>
        </View>
      ) : null}
      <TextField
        id='promise-text'
        label='给业主的说明'
        value={text}
        onChange={(v) => {
          setText(v);
          setErrors((e) => ({ ...e, text: undefined }));
        }}
        placeholder='例如：需要厂家来检测瓷砖，周四下午前答复您'
        max={300}
        error={errors.text}
      />
      <View className='btn-row'>
        <ActionButton onClick={onCancel} id='promise-cancel'>
          取消
        </ActionButton>
        <ActionButton kind='primary' busy={busy} onClick={submit} id='promise-submit'>
          确认承诺时间
        </ActionButton>
      </View>
    </View>
  );
}
