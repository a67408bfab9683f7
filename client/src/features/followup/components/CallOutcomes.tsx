import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Millis } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { DateTimeChips, useDateTime } from '@/components/DateTimeChips';
import { FailureBanner } from '@/components/FailureBanner';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';
import { cstInstant } from '@/lib/calendar';
import { confirmAction } from '@/lib/feedback';
import type { CallLogger } from '../api/useLogCall';
import { CALLBACK_DAYS, CALLBACK_TIMES } from '../model/callback';

interface Props {
  logger: CallLogger;
  now: Millis;
  /** false for a welcome: 已回答 then means the thank-you was passed on */
  hasQuestions: boolean;
  /** 已回答: the page checks and sends the answers, with the note */
  onAnswered: (note: string) => void;
}

/**
 * What came of the call: 已回答 (sends the answers), 不方便 (with the time the homeowner named),
 * 未接通, 通话中断 (redial at once), 不愿回答. Ids: `#call-outcomes`, `#call-note textarea`, `#call-outcome-<answered|notNow|unreachable|dropped|declined>`,
 * `#callback-date-YYYY-MM-DD`, `#callback-time-HHMM`, `#callback-submit`, `#callback-cancel`, `#call-error`.
 */
export function CallOutcomes({ logger, now, hasQuestions, onAnswered }: Props) {
  const [note, setNote] = useState('');
  const [notNow, setNotNow] = useState(false);
  const [timeError, setTimeError] = useState<string | null>(null);
  const pick = useDateTime(now, CALLBACK_DAYS);
  const busy = logger.busy !== null;

  const callBack = () => {
    if (!pick.time) return setTimeError('请选择业主说的方便时间');
    void logger.log({ outcome: 'notNow', callAt: cstInstant(pick.date, pick.time), note });
  };
  const declined = async () => {
    if (!(await confirmAction('业主不愿回答？', '这次回访将关闭，不再打扰业主', '确定关闭'))) return;
    void logger.log({ outcome: 'declined', note });
  };

  return (
    <View className='card action-card' id='call-outcomes'>
      <View className='card__head'>
        <Text className='card__title'>通话结果</Text>
      </View>
      <TextField id='call-note' label='备注' value={note} onChange={setNote} placeholder='业主的原话、特别情况' max={500} optional />
      {notNow ? (
        <View className='action-card__form' id='callback-form'>
          <DateTimeChips
            pick={pick}
            idPrefix='callback'
            dateLabel='业主说哪天方便'
            timeLabel='几点'
            times={CALLBACK_TIMES}
            usable={(date, time) => cstInstant(date, time) > now}
            onTimePicked={() => setTimeError(null)}
            error={timeError}
          />
          <FailureBanner failure={logger.failure} id='call-error' />
          <FormButtons idPrefix='callback' submitLabel='约定再打' busy={logger.busy === 'notNow'} onCancel={() => setNotNow(false)} onSubmit={callBack} />
        </View>
      ) : (
        <>
          <FailureBanner failure={logger.failure} id='call-error' />
          <ActionButton block kind='primary' id='call-outcome-answered' busy={logger.busy === 'answered'} disabled={busy} onClick={() => onAnswered(note)}>
            {hasQuestions ? '已回答，提交答案' : '已接通，已转达'}
          </ActionButton>
          <View className='btn-row call-outcomes__row'>
            <ActionButton id='call-outcome-notNow' disabled={busy} onClick={() => setNotNow(true)}>
              不方便
            </ActionButton>
            <ActionButton id='call-outcome-unreachable' busy={logger.busy === 'unreachable'} disabled={busy} onClick={() => void logger.log({ outcome: 'unreachable', note })}>
              未接通
            </ActionButton>
            <ActionButton id='call-outcome-dropped' busy={logger.busy === 'dropped'} disabled={busy} onClick={() => void logger.log({ outcome: 'dropped', note })}>
              通话中断
            </ActionButton>
            <ActionButton kind='danger' id='call-outcome-declined' busy={logger.busy === 'declined'} disabled={busy} onClick={() => void declined()}>
              不愿回答
            </ActionButton>
          </View>
        </>
      )}
    </View>
  );
}
