import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { ComplaintDetail, fetchComplaint, HomeownerDecision, useComplaintCommand } from '@/features/complaint';
import { useReply } from '@/hooks/useReply';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';
import './index.scss';

function ComplaintPage() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchComplaint(id));
  const command = useComplaintCommand((complaint) => replace({ complaint }));
  useCreatedToast('投诉已提交', state.status === 'ready');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const c = state.data.complaint;
  return <ComplaintDetail complaint={c} audience='homeowner' now={now} actions={<HomeownerDecision complaint={c} command={command} />} />;
}

export default function ComplaintDetailPage() {
  return (
    <Screen>
      <ComplaintPage />
    </Screen>
  );
}
