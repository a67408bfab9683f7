import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Millis } from '@shared/core/time';
import type { RepairSummary } from '@shared/repair/api';
import { Screen } from '@/components/Screen';
import { Loadable } from '@/components/Loadable';
import { RefSearch } from '@/components/RefSearch';
import { Empty } from '@/components/StateViews';
import { fetchOverdue, findRepairByRef, TicketCard } from '@/features/repair';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';
import { NoticesEntry } from '@/features/notices';

const KIND_LABELS = { contact: '未按时联系', onSite: '未按时上门' } as const;

const openTicket = (id: string) => void Taro.navigateTo({ url: routes.staffTicket(id) });

function overdueView(data: { tickets: RepairSummary[] }, now: Millis) {
  const tickets = [...data.tickets].sort((a, b) => (a.nextDeadlineAt ?? 0) - (b.nextDeadlineAt ?? 0));
  const search = <RefSearch kind='repair' search={findRepairByRef} onFound={openTicket} />;
  if (tickets.length === 0) {
    return (
      <>
        {search}
        <Empty icon='✓' tone='green' title='没有超时的报修' text='所有报修都在承诺时间内' />
      </>
    );
  }
  return (
    <View id='staff-overdue'>
      {search}
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
          <TicketCard ticket={t} audience='staff' now={now} onOpen={openTicket} />
        </View>
      ))}
    </View>
  );
}

function Overdue() {
  const now = useNow();
  return <Loadable load={fetchOverdue}>{(data) => overdueView(data, now)}</Loadable>;
}

export default function OverduePage() {
  return (
    <Screen>
      <NoticesEntry compact />
      <Overdue />
    </Screen>
  );
}
