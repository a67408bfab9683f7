import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RepairInputs, type RepairView } from '@shared/repair/api';
import { SCORE_LABELS } from '@shared/survey/score';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { withoutField } from '@/lib/fields';
import type { TicketCommand } from '../api/useTicketCommand';
import { RATING_QUESTIONS, SCORES_BEST_FIRST } from '../model/rating';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';

type Answers = Partial<Record<(typeof RATING_QUESTIONS)[number]['key'], boolean>>;

/** The after-repair survey: an overall 0–5 score, four yes/no questions and an optional comment. */
export function RatingForm({ ticket, command }: { ticket: RepairView; command: TicketCommand }) {
  const [score, setScore] = useState<number | undefined>();
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const checked = validate(RepairInputs.rate, { ticketId: ticket.id, score, ...answers, comment });
    if (!checked.ok) return setErrors(checked.fields ?? { _: checked.message });
    setErrors({});
    await command.run('rate', checked.data, '感谢您的评价');
  };

  return (
    <View className='card rating-form' id='rating-form'>
      <View className='card__head'>
        <Text className='card__title'>为这次维修打分</Text>
      </View>
      <View className='field'>
        <View className='field__label'>总体评价</View>
        {SCORES_BEST_FIRST.map((n) => (
          <View
            key={n}
            id={`rating-score-${n}`}
            className={`score-option${score === n ? ' score-option--active' : ''}`}
            onClick={() => {
              setScore(n);
              setErrors((e) => withoutField(e, 'score'));
            }}
          >
            <Text className='stars'>{n > 0 ? '★'.repeat(n) + '☆'.repeat(5 - n) : '☆☆☆☆☆'}</Text>
            <Text className='score-option__label'>{SCORE_LABELS[n]?.label}</Text>
            <Text className='score-option__meaning'>{SCORE_LABELS[n]?.meaning}</Text>
          </View>
        ))}
        {errors.score ? <View className='field__error'>{errors.score}</View> : null}
      </View>
      {RATING_QUESTIONS.map((q) => (
        <View className='field' key={q.key}>
          <View className='field__label'>{q.text}</View>
          <View className='chips'>
            {[true, false].map((v) => (
              <View
                key={String(v)}
                id={`rating-${q.key}-${v ? 'yes' : 'no'}`}
                className={`chip yesno${answers[q.key] === v ? ' chip--active' : ''}`}
                onClick={() => {
                  setAnswers((a) => ({ ...a, [q.key]: v }));
                  setErrors((e) => withoutField(e, q.key));
                }}
              >
                {v ? '是' : '否'}
              </View>
            ))}
          </View>
          {errors[q.key] ? <View className='field__error'>{errors[q.key]}</View> : null}
        </View>
      ))}
      <TextField
        id='rating-comment'
        label='还有什么想对我们说的'
        value={comment}
        onChange={setComment}
        placeholder='您的意见会转给负责的同事'
        max={300}
        error={errors.comment}
        optional
      />
      <FailureBanner failure={command.failure} />
      <ActionButton kind='primary' block busy={command.busy === 'rate'} onClick={() => void submit()} id='rating-submit'>
        提交评价
      </ActionButton>
    </View>
  );
}
