import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Millis } from '@shared/core/time';
import type { RepairSummary } from '@shared/repair/api';
import { Screen } from '@/components/Screen';
import { Loadable } from '@/components/Loadable';
import { RefSearch } from '@/components/RefSearch';
import { Empty } from '@/components/StateViews';
import { fetchQueue, findRepairByRef, TicketCard } from '@/features/repair';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';
import { NoticesEntry } from '@/features/notices';

/** Soonest deadline first; tickets with nothing left to meet go last, newest first. */
function byDeadline(a: RepairSummary, b: RepairSummary): number {
  if (a.nextDeadlineAt === null && b.nextDeadlineAt === null) return b.createdAt - a.createdAt;
  if (a.nextDeadlineAt === null) return 1;
  if (b.nextDeadlineAt === null) return -1;
  return a.nextDeadlineAt - b.nextDeadlineAt;
}

const openTicket = (id: string) => void Taro.navigateTo({ url: routes.staffTicket(id) });

function queueView(data: { tickets: RepairSummary[] }, now: Millis) {
  const tickets = [...data.tickets].sort(byDeadline);
  const search = <RefSearch kind='repair' search={findRepairByRef} onFound={openTicket} />;
  if (tickets.length === 0) {
    return (
      <>
        {search}
        <Empty icon='✓' tone='green' title='没有待处理的报修' text='新的报修会出现在这里，按截止时间排序' />
      </>
    );
  }
  const overdue = tickets.filter((t) => t.overdue.length > 0 || (t.nextDeadlineAt !== null && t.nextDeadlineAt < now)).length;
  return (
    <View id='staff-queue'>
      {search}
      <View className='staff-summary'>
        <Text>共 {tickets.length} 单待处理</Text>
        {overdue > 0 ? <Text className='text-danger staff-summary__overdue staff-summary__right'>{overdue} 单已超时</Text> : <Text className='text-ok staff-summary__right'>暂无超时</Text>}
      </View>
      {tickets.map((t) => (
        <TicketCard key={t.id} ticket={t} audience='staff' now={now} onOpen={openTicket} />
      ))}
    </View>
  );
}

function Queue() {
  const now = useNow();
  return <Loadable load={fetchQueue}>{(data) => queueView(data, now)}</Loadable>;
}

export default function QueuePage() {
  return (
    <Screen>
      <NoticesEntry compact />
      <Queue />
    </Screen>
  );
}
