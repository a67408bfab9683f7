import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { PhoneTask } from '@shared/followup/api';
import { FOLLOW_UP_STATE_LABELS } from '@shared/followup/followup';
import { questionsOf, type AnswerValue, type Answers } from '@shared/survey/catalogue';
import { formatCst, type Millis } from '@shared/core/time';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { CallHistory, CallOutcomes, CallOverview, CallResult, CallScript, fetchPhoneTask, useLogCall } from '@/features/followup';
import { PhoneConsentCard } from '@/features/privacy';
import { answeredCount, answerErrors, cleanAnswers, missingRequired, sectionOffsets, SurveySection } from '@/features/survey';
import { useReply } from '@/hooks/useReply';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';

const CLOSED_STATES = ['answered', 'done', 'cancelled', 'expired'];

/** One phone follow-up: whom to call, what to say, the same questions the homeowner sees, and how it went. */
function CallForm({ task, now }: { task: PhoneTask; now: Millis }) {
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(task.draft ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const logger = useLogCall(task.id);
  const survey = task.survey;
  const offsets = sectionOffsets(survey.sections);
  const fromDraft = task.draft ? answeredCount(survey, task.draft).answered : 0;

  const answer = (id: string, value: AnswerValue) => {
    setAnswers((a) => ({ ...a, [id]: value }));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  };
  const answered = async (note: string) => {
    const missing = missingRequired(questionsOf(survey), answers);
    setErrors(missing);
    const first = questionsOf(survey).find((q) => q.id in missing);
    if (first) return void Taro.pageScrollTo({ selector: `#q-${first.id}`, duration: 200 }).catch(() => undefined);
    const failure = await logger.log({ outcome: 'answered', answers: cleanAnswers(answers), note });
    if (failure) setErrors(answerErrors(failure.fields));
  };

  if (logger.logged) {
    return (
      <CallResult
        logged={logger.logged}
        onOpenComplaint={(id) => void Taro.navigateTo({ url: routes.staffComplaint(id) })}
        onOpenRepair={(id) => void Taro.navigateTo({ url: routes.staffTicket(id) })}
        onBack={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.staffCalls() }))}
      />
    );
  }
  const closed = CLOSED_STATES.includes(task.state);
  return (
    <>
      <CallOverview task={task} />
      {task.callableFrom !== null && task.callableFrom > now && !CLOSED_STATES.includes(task.state) ? (
        <View className='banner banner--warn' id='call-too-soon'>
          刚打过电话，为免频繁打扰业主，请在 {formatCst(task.callableFrom, 'M月D日 HH:mm')} 之后再拨（通话中断可以马上重拨）
        </View>
      ) : null}
      {!CLOSED_STATES.includes(task.state) ? (
        <Text className='muted' id='call-left'>
          还可拨打 {task.callsLeft} 次未接通；次数用完后这条回访将关闭，不再打扰业主
        </Text>
      ) : null}
      <CallScript lines={task.script} />
      <PhoneConsentCard homeownerId={task.homeownerId} />
      {fromDraft > 0 ? (
        <View className='banner banner--info' id='call-draft'>
          业主已在小程序里答了 {fromDraft} 题，已填入下面，请和业主核对
        </View>
      ) : null}
      {/* a welcome has no questions: its thank-you is what to pass on */}
      {survey.sections.length === 0 && survey.intro ? (
        <View className='card pre-wrap' id='call-intro'>
          {survey.intro}
        </View>
      ) : null}
      <View id='call-survey'>
        {survey.sections.map((s, i) => (
          <SurveySection key={s.id} section={s} offset={offsets[i]} answers={answers} onAnswer={answer} errors={errors} readOnly={closed} />
        ))}
      </View>
      {closed ? (
        <View className='banner banner--warn' id='call-closed'>
          这次回访已是“{FOLLOW_UP_STATE_LABELS[task.state]}”，无需再拨打
        </View>
      ) : (
        <CallOutcomes logger={logger} now={now} hasQuestions={survey.sections.length > 0} onAnswered={(note) => void answered(note)} />
      )}
      <CallHistory attempts={task.history} />
    </>
  );
}

function StaffCall() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload } = useReply(() => fetchPhoneTask(id));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <CallForm key={state.data.task.id} task={state.data.task} now={now} />;
}

export default function StaffCallPage() {
  return (
    <Screen>
      <StaffCall />
      <Text className='muted call-audit'>查看业主电话会记入审计日志</Text>
    </Screen>
  );
}
