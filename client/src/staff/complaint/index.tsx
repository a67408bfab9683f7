import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { ComplaintDetail, fetchComplaint, StaffComplaintActions, useComplaintCommand } from '@/features/complaint';
import { useReply } from '@/hooks/useReply';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';
import '../staff.scss';

function StaffComplaint() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchComplaint(id));
  const command = useComplaintCommand((complaint) => replace({ complaint }));
  useCreatedToast('投诉已登记', state.status === 'ready');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const c = state.data.complaint;
  return <ComplaintDetail complaint={c} audience='staff' now={now} actions={<StaffComplaintActions complaint={c} command={command} now={now} />} />;
}

export default function StaffComplaintPage() {
  return (
    <Screen>
      <StaffComplaint />
    </Screen>
  );
}
