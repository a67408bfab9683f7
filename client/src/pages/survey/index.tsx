import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { SurveyReplies } from '@shared/survey/api';
import { ActionButton } from '@/components/ActionButton';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchSurvey, SurveyAnswersView, SurveyHeader, type SurveyScreen, SurveyThanks, SurveyWizard } from '@/features/survey';
import { SubscribePrompt } from '@/features/subscribe';
import { useReply } from '@/hooks/useReply';
import { monthDay } from '@/lib/calendar';
import { routes } from '@/lib/routes';
import './index.scss';

const home = () => void Taro.reLaunch({ url: routes.home() });

const CLOSED: Partial<Record<SurveyScreen['followUp']['state'], string>> = {
  cancelled: '施工计划有调整，这次回访已取消，无需填写',
  expired: '这次回访已过期，无需填写',
  done: '这次回访已经完成，感谢您的配合',
  answered: '这次回访已经完成，感谢您的配合',
};

/** A follow-up that cannot be answered now: not open yet, or no longer owed. */
function Closed({ screen }: { screen: SurveyScreen }) {
  const f = screen.followUp;
  const text = CLOSED[f.state] ?? `这次回访从 ${monthDay(f.dueDate)} 开始，到时我们会提醒您`;
  return (
    <View id='survey-closed'>
      <Empty icon='访' tone='blue' title={f.label} text={text} action={<ActionButton kind='primary' id='survey-home' onClick={home}>返回首页</ActionButton>} />
    </View>
  );
}

/** The deposit welcome: a thank-you and the hotline, no questions. */
function Welcome({ screen }: { screen: SurveyScreen }) {
  return (
    <View id='survey-welcome'>
      <View className='card'>
        <SurveyHeader followUp={screen.followUp} survey={screen.survey} showIntro showDue={false} />
      </View>
      <ActionButton block kind='primary' id='survey-home' onClick={home}>
        返回首页
      </ActionButton>
    </View>
  );
}

function Answered({ screen }: { screen: SurveyScreen }) {
  return (
    <View id='survey-done'>
      <View className='card'>
        <SurveyHeader followUp={screen.followUp} survey={screen.survey} showIntro={false} showDue={false} />
        <View className='banner banner--info survey-done__note'>您已完成这次回访，以下是您的回答</View>
      </View>
      <SurveyAnswersView survey={screen.survey} answers={screen.answers} />
      <ActionButton block id='survey-home' onClick={home}>
        返回首页
      </ActionButton>
    </View>
  );
}

function SurveyPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useReply(() => fetchSurvey(id));
  const [submitted, setSubmitted] = useState<SurveyReplies['submit'] | null>(null);
  if (submitted) {
    return (
      <SurveyThanks
        complaints={submitted.complaints}
        repairs={submitted.repairs}
        onOpenComplaint={(c) => void Taro.navigateTo({ url: routes.complaint(c) })}
        onOpenRepair={(r) => void Taro.navigateTo({ url: routes.repair(r) })}
        onOpenComplaints={() => void Taro.navigateTo({ url: routes.myComplaints() })}
        onHome={home}
      >
        <SubscribePrompt prefer={['complaintProgress']} text='下一次回访或投诉有答复时，通过微信提醒您（每开启一次可收到一条）' />
      </SurveyThanks>
    );
  }
  if (state.status === 'loading') return <Loading />;
  // opened from a WeChat message there may be no page to go back to: the failure offers the way home
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const screen = state.data;
  if (screen.followUp.state === 'answered') return <Answered screen={screen} />;
  if (screen.survey.sections.length === 0) return <Welcome screen={screen} />;
  if (!screen.answerable) return <Closed screen={screen} />;
  return (
    <>
      <View className='card survey-intro-card'>
        <SurveyHeader followUp={screen.followUp} survey={screen.survey} showIntro showDue />
      </View>
      <SurveyWizard followUpId={id} survey={screen.survey} initial={screen.answers} onSubmitted={setSubmitted} />
      <Text className='muted survey-hint'>答到一半可以先离开，下次打开会从没答完的那一页继续</Text>
    </>
  );
}

export default function SurveyScreenPage() {
  return (
    <Screen withBar>
      <SurveyPage />
    </Screen>
  );
}
