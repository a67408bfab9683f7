import { Text, View } from '@tarojs/components';
import { RATING_LABELS, RATING_VALUES, type AnswerValue, type Question } from '@shared/survey/catalogue';
import { describeAnswer } from '../model/answers';
import { ChoiceAnswer } from './ChoiceAnswer';
import { CountAnswer } from './CountAnswer';
import { DefectAnswer } from './DefectAnswer';
import { ScoreAnswer } from './ScoreAnswer';
import { TextAnswer } from './TextAnswer';

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;
const RATINGS = RATING_VALUES.map((value) => ({ value, label: RATING_LABELS[value] }));

interface Props {
  question: Question;
  /** its number in the whole questionnaire, from 1 */
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error?: string;
  /** an answered questionnaire: the answer in words, nothing to tap */
  readOnly?: boolean;
}

/**
 * One question with large tap targets for its type; ids start `q-<question id>` (`#q-<id>-yes`,
 * `#q-<id>-good`, `#q-<id>-score-4`, `#q-<id>-plus`, `#q-<id>-text textarea`, `#q-<id>-error`).
 */
export function QuestionField({ question: q, number, value, onChange, error, readOnly }: Props) {
  const id = `q-${q.id}`;
  return (
    <View className={`question${error ? ' question--invalid' : ''}${readOnly ? ' question--readonly' : ''}`} id={id}>
      <View className='question__text'>
        <Text className='question__number'>{number}.</Text>
        <Text>
          {q.text}
          {q.required ? null : <Text className='field__hint'>（选填）</Text>}
        </Text>
      </View>
      {readOnly ? (
        <Text className='question__answer' id={`${id}-answer`}>
          {describeAnswer(q, value)}
        </Text>
      ) : (
        <Editor id={id} question={q} value={value} onChange={onChange} invalid={Boolean(error)} />
      )}
      {error ? (
        <View className='field__error' id={`${id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

function Editor({ id, question, value, onChange, invalid }: { id: string; question: Question; value: AnswerValue | undefined; onChange: (v: AnswerValue) => void; invalid: boolean }) {
  switch (question.type) {
    case 'yesNo':
      return <ChoiceAnswer id={id} options={YES_NO} value={value} onChange={onChange} />;
    case 'rating':
      return <ChoiceAnswer id={id} options={RATINGS} value={value} onChange={onChange} />;
    case 'score':
      return <ScoreAnswer id={id} value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'count':
      return <CountAnswer id={id} value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'defect':
      return <DefectAnswer id={id} value={value} onChange={onChange} />;
    default:
      return <TextAnswer id={id} value={typeof value === 'string' ? value : ''} onChange={onChange} invalid={invalid} />;
  }
}
