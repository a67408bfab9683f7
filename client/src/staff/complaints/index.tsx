import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Millis } from '@shared/core/time';
import type { ComplaintSummary } from '@shared/complaint/api';
import { CLOSED_COMPLAINT_STATUSES, COMPLAINT_STATUS_FILTER_LABELS, OPEN_COMPLAINT_STATUSES, type ComplaintStatus } from '@shared/complaint/complaint';
import { ListFilter, type ListView } from '@/components/ListFilter';
import { MorePages } from '@/components/MorePages';
import { hasRole } from '@shared/core/roles';
import type { Reply } from '@/api';
import { ActionButton } from '@/components/ActionButton';
import { Screen } from '@/components/Screen';
import { Loadable } from '@/components/Loadable';
import { RefSearch } from '@/components/RefSearch';
import { Empty } from '@/components/StateViews';
import { ComplaintCard, fetchComplaintQueue, findComplaintByRef } from '@/features/complaint';
import { fetchWhoAmI } from '@/features/me';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';
import { NoticesEntry } from '@/features/notices';

type QueueData = { complaints: ComplaintSummary[]; more: boolean; canLogPhone: boolean; scope: string };

async function loadQueue(view: ListView<ComplaintStatus>): Promise<Reply<QueueData>> {
  const [me, queue] = await Promise.all([fetchWhoAmI(), fetchComplaintQueue(view)]);
  if (!me.ok) return me;
  if (!queue.ok) return queue;
  const everything = hasRole(me.data.user, 'customerService', 'admin');
  const scope = everything ? '全部部门' : '本部门';
  return { ok: true, data: { complaints: queue.data.complaints, more: queue.data.more, canLogPhone: hasRole(me.data.user, 'customerService'), scope } };
}

const openComplaint = (id: string) => void Taro.navigateTo({ url: routes.staffComplaint(id) });

/** 投诉处理: open complaints in the server's order (overdue first, then repeats, then the nearest deadline). */
function complaintQueueView(data: QueueData, now: Millis, filtered: boolean) {
  const { complaints, canLogPhone, scope } = data;
  const overdue = complaints.filter((c) => c.overdue || (c.nextDeadlineAt !== null && c.nextDeadlineAt < now)).length;
  const logPhone = canLogPhone ? (
    <View className='action-bar'>
      <ActionButton kind='primary' block onClick={() => void Taro.navigateTo({ url: routes.staffComplaintPhone() })} id='complaint-log-phone'>
        登记电话投诉
      </ActionButton>
    </View>
  ) : null;
  if (complaints.length === 0) {
    return (
      <>
        {filtered ? (
          <Empty icon='✓' tone='green' title='没有这个状态的投诉' text='换一个状态看看，或点“全部”' />
        ) : (
          <Empty icon='✓' tone='green' title='没有待处理的投诉' text={`${scope}的新投诉会出现在这里，超时的排在最前`} />
        )}
        {logPhone}
      </>
    );
  }
  return (
    <View id='staff-complaints'>
      <View className='staff-summary'>
        <Text>
          <Text className='nowrap'>{scope}</Text> · <Text className='nowrap'>共 {complaints.length} 条待处理</Text>
        </Text>
        {overdue > 0 ? <Text className='text-danger staff-summary__overdue staff-summary__right'>{overdue} 条已超时</Text> : <Text className='text-ok staff-summary__right'>暂无超时</Text>}
      </View>
      {complaints.map((c) => (
        <ComplaintCard key={c.id} complaint={c} audience='staff' now={now} onOpen={openComplaint} />
      ))}
      {logPhone}
    </View>
  );
}

/** 历史: closed complaints (resolved, or archived unresolved) of the same scope, newest first. */
function historyView(data: QueueData, view: ListView<ComplaintStatus>, now: Millis) {
  if (data.complaints.length === 0) return <Empty icon='史' title='没有已关闭的投诉' text={`${data.scope}已经解决或存档的投诉会出现在这里，最新的在前`} />;
  const load = async (page: number) => {
    const reply = await fetchComplaintQueue({ ...view, page });
    return reply.ok ? { ok: true as const, data: { items: reply.data.complaints, more: reply.data.more } } : reply;
  };
  return (
    <View id='staff-complaints-history'>
      <View className='staff-summary'>
        <Text className='nowrap'>{data.scope} · 已关闭，最新的在前</Text>
      </View>
      <MorePages id='complaints-history' first={data.complaints} more={data.more} load={load}>
        {(complaints) => complaints.map((c) => <ComplaintCard key={c.id} complaint={c} audience='staff' now={now} onOpen={openComplaint} />)}
      </MorePages>
    </View>
  );
}

function ComplaintQueue() {
  const now = useNow();
  const [view, setView] = useState<ListView<ComplaintStatus>>({ closed: false });
  return (
    <>
      <RefSearch kind='complaint' search={findComplaintByRef} onFound={openComplaint} />
      <ListFilter idPrefix='complaints-filter' view={view} onChange={setView} open={OPEN_COMPLAINT_STATUSES} closed={CLOSED_COMPLAINT_STATUSES} labels={COMPLAINT_STATUS_FILTER_LABELS} />
      <Loadable key={JSON.stringify(view)} load={() => loadQueue(view)}>
        {(data) => (view.closed ? historyView(data, view, now) : complaintQueueView(data, now, view.status !== undefined))}
      </Loadable>
    </>
  );
}

export default function ComplaintQueuePage() {
  return (
    <Screen withBar>
      <NoticesEntry compact />
      <ComplaintQueue />
    </Screen>
  );
}
