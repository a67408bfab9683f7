import { useRouter } from '@tarojs/taro';
import { OPEN_COMPLAINT_STATUSES } from '@shared/complaint/complaint';
import { AddInfoCard } from '@/features/photos';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { ComplaintDetail, fetchComplaint, HomeownerDecision, useComplaintCommand } from '@/features/complaint';
import { useReply } from '@/hooks/useReply';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';

function ComplaintPage() {
  const id = useRouter().params.id ?? '';
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
  return <ComplaintDetail complaint={c} audience='homeowner' now={now} actions={actions} />;
}

export default function ComplaintDetailPage() {
  return (
    <Screen>
      <ComplaintPage />
    </Screen>
  );
}
