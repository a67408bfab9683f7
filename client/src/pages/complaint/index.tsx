import { useRouter } from '@tarojs/taro';
import { OPEN_COMPLAINT_STATUSES } from '@shared/complaint/complaint';
import { AddInfoCard } from '@/features/photos';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { ComplaintDetail, fetchComplaint, HomeownerDecision, useComplaintCommand } from '@/features/complaint';
import { SubscribePrompt } from '@/features/subscribe';
import { useReply } from '@/hooks/useReply';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';
import './index.scss';

function ComplaintPage() {
  const { id = '', created } = useRouter().params;
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchComplaint(id));
  const command = useComplaintCommand((complaint) => replace({ complaint }));
  useCreatedToast('投诉已提交', state.status === 'ready');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const c = state.data.complaint;
  const actions = (
    <>
      <HomeownerDecision complaint={c} command={command} />
      {OPEN_COMPLAINT_STATUSES.includes(c.status) ? (
        <AddInfoCard
          idPrefix='complaint-info'
          folder='complaints'
          reader='处理投诉的同事'
          busy={command.busy === 'addInfo'}
          failure={command.failure}
          onSubmit={(text, photos) => command.run('addInfo', { complaintId: c.id, text, photos }, '已补充信息')}
        />
      ) : null}
    </>
  );
  return (
    <>
      {/* right after filing: the moment to offer reminders (WeChat asks only from a tap, so a button) */}
      {created === '1' ? <SubscribePrompt prefer={['complaintProgress']} text='投诉有答复、有处理方案时，通过微信提醒您（每开启一次可收到一条）' /> : null}
      <ComplaintDetail complaint={c} audience='homeowner' now={now} actions={actions} />
    </>
  );
}

export default function ComplaintDetailPage() {
  return (
    <Screen>
      <ComplaintPage />
    </Screen>
  );
}
