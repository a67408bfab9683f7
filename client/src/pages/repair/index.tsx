import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchRepair, TicketDetail, useTicketCommand } from '@/features/repair';
import { SubscribePrompt } from '@/features/subscribe';
import { useReply } from '@/hooks/useReply';
import { useCreatedToast } from '@/hooks/useCreatedToast';
import { useNow } from '@/hooks/useNow';
import './index.scss';

function RepairDetail() {
  const { id = '', created } = useRouter().params;
  const now = useNow();
  const { state, reload, replace } = useReply(() => fetchRepair(id));
  const command = useTicketCommand((ticket) => replace({ ticket }));
  useCreatedToast('报修已提交', state.status === 'ready');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return (
    <>
      {/* right after filing: the moment to offer reminders (WeChat asks only from a tap, so a button) */}
      {created === '1' ? <SubscribePrompt prefer={['repairProgress', 'serviceVisit']} text='维修有进展、修好后回访时，通过微信提醒您（每开启一次可收到一条）' /> : null}
      <TicketDetail ticket={state.data.ticket} audience='homeowner' now={now} command={command} />
    </>
  );
}

export default function RepairDetailPage() {
  return (
    <Screen>
      <RepairDetail />
    </Screen>
  );
}
