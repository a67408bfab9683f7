import { Text, View } from '@tarojs/components';
import type { SurveyReplies } from '@shared/survey/api';
import type { Answers, Survey } from '@shared/survey/catalogue';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { useSurveyWizard } from '../hooks/useSurveyWizard';
import { answeredCount } from '../model/answers';
import { SurveyProgress } from './SurveyProgress';
import { SurveySection, sectionOffsets } from './SurveySection';

interface Props {
  followUpId: string;
  survey: Survey;
  /** the draft saved so far */
  initial: Answers;
  onSubmitted: (result: SurveyReplies['submit']) => void;
}

/** The homeowner's questionnaire, one section per screen, with 上一页 / 下一页 / 提交 at the bottom. */
export function SurveyWizard({ followUpId, survey, initial, onSubmitted }: Props) {
  const w = useSurveyWizard(followUpId, survey, initial, onSubmitted);
  const pages = survey.sections.length;
  const last = w.page === pages - 1;
  const { answered, total } = answeredCount(survey, w.answers);
  const offsets = sectionOffsets(survey.sections);
  const section = survey.sections[w.page];
  return (
    <View id='survey-form'>
      <SurveyProgress page={w.page} pages={pages} answered={answered} total={total} />
      <SurveySection key={section.id} section={section} offset={offsets[w.page]} answers={w.answers} onAnswer={w.answer} errors={w.errors} />
      {last ? (
        <View className='banner banner--info survey-routing-note' id='survey-routing-note'>
          <Text>打分 2 分及以下、选“不满意”或反映问题的回答，提交后会登记为投诉，当天转给负责的部门，并告诉您处理人和答复时间。</Text>
        </View>
      ) : null}
      <View className='action-bar'>
        <FailureBanner failure={w.failure} id='survey-error' />
        <View className='btn-row'>
          {w.page > 0 ? (
            <ActionButton id='survey-prev' className='survey-nav__prev' disabled={w.busy !== null} onClick={w.previous}>
              上一页
            </ActionButton>
          ) : null}
          {last ? (
            <ActionButton id='survey-submit' kind='primary' busy={w.busy === 'submit'} onClick={() => void w.submit()}>
              提交
            </ActionButton>
          ) : (
            <ActionButton id='survey-next' kind='primary' busy={w.busy === 'next'} onClick={() => void w.next()}>
              下一页
            </ActionButton>
          )}
        </View>
      </View>
    </View>
  );
}
