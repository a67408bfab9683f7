import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Millis } from '@shared/core/time';
import type { RepairSummary } from '@shared/repair/api';
import { CLOSED_REPAIR_STATUSES, OPEN_REPAIR_STATUSES, REPAIR_STATUS_FILTER_LABELS, type RepairStatus } from '@shared/repair/ticket';
import { ListFilter, type ListView } from '@/components/ListFilter';
import { MorePages } from '@/components/MorePages';
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

function queueView(data: { tickets: RepairSummary[] }, now: Millis, filtered: boolean) {
  const tickets = [...data.tickets].sort(byDeadline);
  if (tickets.length === 0) {
    return filtered ? (
      <Empty icon='✓' tone='green' title='没有这个状态的报修' text='换一个状态看看，或点“全部”' />
    ) : (
      <Empty icon='✓' tone='green' title='没有待处理的报修' text='新的报修会出现在这里，按截止时间排序' />
    );
  }
  const overdue = tickets.filter((t) => t.overdue.length > 0 || (t.nextDeadlineAt !== null && t.nextDeadlineAt < now)).length;
  return (
    <View id='staff-queue'>
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

/** 历史: tickets that left the queue (fixed and waiting for the homeowner, confirmed, cancelled), newest first. */
function historyView(data: { tickets: RepairSummary[]; more: boolean }, view: ListView<RepairStatus>, now: Millis) {
  if (data.tickets.length === 0) return <Empty icon='史' title='没有已关闭的报修' text='修好、确认或取消的报修单会出现在这里，最新的在前' />;
  const load = async (page: number) => {
    const reply = await fetchQueue({ ...view, page });
    return reply.ok ? { ok: true as const, data: { items: reply.data.tickets, more: reply.data.more } } : reply;
  };
  return (
    <View id='staff-queue-history'>
      <MorePages id='queue-history' first={data.tickets} more={data.more} load={load}>
        {(tickets) => tickets.map((t) => <TicketCard key={t.id} ticket={t} audience='staff' now={now} onOpen={openTicket} />)}
      </MorePages>
    </View>
  );
}

function Queue() {
  const now = useNow();
  const [view, setView] = useState<ListView<RepairStatus>>({ closed: false });
  return (
    <>
      <RefSearch kind='repair' search={findRepairByRef} onFound={openTicket} />
      <ListFilter idPrefix='queue-filter' view={view} onChange={setView} open={OPEN_REPAIR_STATUSES} closed={CLOSED_REPAIR_STATUSES} labels={REPAIR_STATUS_FILTER_LABELS} />
      <Loadable key={JSON.stringify(view)} load={() => fetchQueue(view)}>
        {(data) => (view.closed ? historyView(data, view, now) : queueView(data, now, view.status !== undefined))}
      </Loadable>
    </>
  );
}

export default function QueuePage() {
  return (
    <Screen>
      <NoticesEntry compact />
      <Queue />
    </Screen>
  );
}
