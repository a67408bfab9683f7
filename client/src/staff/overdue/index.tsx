import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchOverdue } from '@/features/repair/api/queries';
import { TicketCard } from '@/features/repair/components/TicketCard';
import { useAnswer } from '@/hooks/useAnswer';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';

const KIND_LABELS = { contact: '未按时联系', onSite: '未按时上门' } as const;

function Overdue() {
  const now = useNow();
  const { state, reload } = useAnswer(fetchOverdue);
  usePullDownRefresh(() => void reload().then(() => Taro.stopPullDownRefresh()));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const tickets = [...state.data.tickets].sort((a, b) => (a.nextDeadlineAt ?? 0) - (b.nextDeadlineAt ?? 0));
  if (tickets.length === 0) return <Empty icon='✓' tone='green' title='没有超时的报修' text='所有报修都在承诺时间内' />;
  return (
    <View id='staff-overdue'>
      <View className='staff-summary'>
        <Text className='text-danger'>{tickets.length} 单已超过承诺时间</Text>
      </View>
      {tickets.map((t) => (
        <View key={t.id}>
          <View className='overdue-kinds'>
            {t.overdue.map((k) => (
              <Text key={k} className='tag tag--red'>
                {KIND_LABELS[k]}
              </Text>
            ))}
          </View>
          <TicketCard ticket={t} audience='staff' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.staffTicket(id) })} />
        </View>
      ))}
    </View>
  );
}

export default function OverduePage() {
  return (
    <Screen>
      <Overdue />
    </Screen>
  );
}
