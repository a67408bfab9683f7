import type { Answers, Survey } from '@shared/survey/catalogue';
import { View } from '@tarojs/components';
import { SurveySection, sectionOffsets } from './SurveySection';

/** Every page of an answered questionnaire, read-only. */
export function SurveyAnswersView({ survey, answers }: { survey: Survey; answers: Answers }) {
  const offsets = sectionOffsets(survey.sections);
  return (
    <View id='survey-answers'>
      {survey.sections.map((s, i) => (
        <SurveySection key={s.id} section={s} offset={offsets[i]} answers={answers} readOnly />
      ))}
    </View>
  );
}
