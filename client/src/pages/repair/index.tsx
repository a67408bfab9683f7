import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchRepair } from '@/features/repair/api/queries';
import { useTicketCommand } from '@/features/repair/api/useTicketCommand';
import { TicketDetail } from '@/features/repair/components/TicketDetail';
import { useAnswer } from '@/hooks/useAnswer';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';

function RepairDetail() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload, replace } = useAnswer(() => fetchRepair(id));
  const command = useTicketCommand((ticket) => replace({ ticket }));
  useCreatedToast('报修已提交', state.status === 'ready');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <TicketDetail ticket={state.data.ticket} audience='homeowner' now={now} command={command} />;
}

export default function RepairDetailPage() {
  return (
    <Screen>
      <RepairDetail />
    </Screen>
  );
}
