import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchRepair, ManagerActions, TicketDetail, useTicketCommand } from '@/features/repair';
import { useReply } from '@/hooks/useReply';
import { useNow } from '@/hooks/useNow';
import '../staff.scss';

function StaffTicket() {
  const id = useRouter().params.id ?? '';
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchRepair(id));
  const command = useTicketCommand((ticket) => replace({ ticket }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return (
    <>
      <TicketDetail ticket={state.data.ticket} audience='staff' now={now} command={command} />
      <ManagerActions ticket={state.data.ticket} onUpdated={(ticket) => replace({ ticket })} />
    </>
  );
}

export default function StaffTicketPage() {
  return (
    <Screen>
      <StaffTicket />
    </Screen>
  );
}
