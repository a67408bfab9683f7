import { Text, View } from '@tarojs/components';
import type { AnswerValue, Answers, SurveySection as Section } from '@shared/survey/catalogue';
import { QuestionField } from './QuestionField';

interface Props {
  section: Section;
  /** how many questions come before this section, for numbering */
  offset: number;
  answers: Answers;
  onAnswer?: (questionId: string, value: AnswerValue) => void;
  errors?: Record<string, string>;
  readOnly?: boolean;
}

/** One page of a questionnaire: its title and its questions. */
export function SurveySection({ section, offset, answers, onAnswer, errors = {}, readOnly }: Props) {
  return (
    <View className='card survey-section' id={`section-${section.id}`}>
      <View className='card__head'>
        <Text className='card__title'>{section.title}</Text>
      </View>
      {section.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          number={offset + i + 1}
          value={answers[q.id]}
          onChange={(v) => onAnswer?.(q.id, v)}
          error={errors[q.id]}
          readOnly={readOnly}
        />
      ))}
    </View>
  );
}

/** How many questions come before each section. */
export function sectionOffsets(sections: readonly Section[]): number[] {
  let n = 0;
  return sections.map((s) => {
    const at = n;
    n += s.questions.length;
    return at;
  });
}
