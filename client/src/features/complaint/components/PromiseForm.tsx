import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import { formatCst, type Millis } from '@shared/core/time';
import { validate } from '@shared/core/validation';
import { FormButtons } from '@/components/FormButtons';
import { DateTimeChips, useDateTime } from '@/components/DateTimeChips';
import { Phrases } from '@/components/Phrases';
import { TextField } from '@/components/TextField';
import { cstInstant } from '@/lib/calendar';
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
  const pick = useDateTime(now, 15);
  const { date, time } = pick;
  const usable = (d: string, t: string) => promiseUsable(d, t, now);
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
      <DateTimeChips
        pick={pick}
        idPrefix='promise'
        dateLabel='答复日期'
        timeLabel='答复时间'
        times={PROMISE_TIMES}
        usable={usable}
        onTimePicked={() => setErrors((e) => ({ ...e, time: undefined }))}
        error={errors.time}
      />
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
      <FormButtons idPrefix='promise' submitLabel='确认承诺时间' busy={busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
