import { Text, View } from '@tarojs/components';
import type { SurveyFollowUp } from '@shared/survey/api';
import { questionsOf, type Survey } from '@shared/survey/catalogue';
import { answerEstimate } from '@shared/survey/estimate';
import { monthDay } from '@/lib/calendar';

/** What the questionnaire is: its title, the home it is about, until when it is open, and its intro. */
export function SurveyHeader({ followUp, survey, showIntro, showDue }: { followUp: SurveyFollowUp; survey: Survey; showIntro: boolean; showDue: boolean }) {
  return (
    <View className='survey-header'>
      <Text className='survey-header__title' id='survey-title'>
        {survey.title || followUp.label}
      </Text>
      <Text className='muted'>
        <Text className='nowrap'>{followUp.projectName}</Text> · <Text className='nowrap'>{followUp.label}</Text>
        {showDue ? (
          <>
            {' · '}
            <Text className='nowrap'>请在 {monthDay(followUp.windowEnd)} 前填写</Text>
          </>
        ) : null}
      </Text>
      {showIntro && questionsOf(survey).length > 0 ? (
        <Text className='survey-header__estimate' id='survey-estimate'>
          {answerEstimate(survey)}
        </Text>
      ) : null}
      {showIntro && survey.intro ? (
        <View className='survey-header__intro pre-wrap' id='survey-intro'>
          {survey.intro}
        </View>
      ) : null}
    </View>
  );
}
