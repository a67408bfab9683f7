import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComplaintSummary } from '@shared/complaint/api';
import { CLOSED_COMPLAINT_STATUSES, COMPLAINT_STATUS_FILTER_LABELS, OPEN_COMPLAINT_STATUSES, type ComplaintStatus } from '@shared/complaint/complaint';
import { ListFilter, type ListView } from '@/components/ListFilter';
import { MorePages } from '@/components/MorePages';
import type { Millis } from '@shared/core/time';
import { Loadable } from '@/components/Loadable';
import { RefSearch } from '@/components/RefSearch';
import { Screen } from '@/components/Screen';
import { Empty } from '@/components/StateViews';
import { ComplaintCard, fetchAssignedComplaints, findComplaintByRef } from '@/features/complaint';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';

const openComplaint = (id: string) => void Taro.navigateTo({ url: routes.staffComplaint(id) });

/** 指派给我: the open complaints whose named handler is me (首问负责制), overdue first. */
function assignedView(data: { complaints: ComplaintSummary[] }, now: Millis, filtered: boolean) {
  const { complaints } = data;
  if (complaints.length === 0) {
    return filtered ? (
      <Empty icon='✓' tone='green' title='没有这个状态的投诉' text='换一个状态看看，或点“全部”' />
    ) : (
      <Empty icon='✓' tone='green' title='没有指派给您的投诉' text='业主看到的处理人是您的投诉会出现在这里，超时的排在最前' />
    );
  }
  const overdue = complaints.filter((c) => c.overdue || (c.nextDeadlineAt !== null && c.nextDeadlineAt < now)).length;
  return (
    <View id='staff-assigned'>
      <View className='staff-summary'>
        <Text>
          <Text className='nowrap'>业主看到的处理人是您</Text> · <Text className='nowrap'>共 {complaints.length} 条</Text>
        </Text>
        {overdue > 0 ? <Text className='text-danger staff-summary__overdue staff-summary__right'>{overdue} 条已超时</Text> : <Text className='text-ok staff-summary__right'>暂无超时</Text>}
      </View>
      {complaints.map((c) => (
        <ComplaintCard key={c.id} complaint={c} audience='staff' now={now} onOpen={openComplaint} />
      ))}
    </View>
  );
}

/** 历史: my complaints that are closed (resolved, or archived unresolved), newest first. */
function historyView(data: { complaints: ComplaintSummary[]; more: boolean }, view: ListView<ComplaintStatus>, now: Millis) {
  if (data.complaints.length === 0) return <Empty icon='史' title='没有已关闭的投诉' text='您处理过、已经解决或存档的投诉会出现在这里，最新的在前' />;
  const load = async (page: number) => {
    const reply = await fetchAssignedComplaints({ ...view, page });
    return reply.ok ? { ok: true as const, data: { items: reply.data.complaints, more: reply.data.more } } : reply;
  };
  return (
    <View id='staff-assigned-history'>
      <MorePages id='assigned-history' first={data.complaints} more={data.more} load={load}>
        {(complaints) => complaints.map((c) => <ComplaintCard key={c.id} complaint={c} audience='staff' now={now} onOpen={openComplaint} />)}
      </MorePages>
    </View>
  );
}

function Assigned() {
  const now = useNow();
  const [view, setView] = useState<ListView<ComplaintStatus>>({ closed: false });
  return (
    <>
      <RefSearch kind='complaint' search={findComplaintByRef} onFound={openComplaint} />
      <ListFilter idPrefix='assigned-filter' view={view} onChange={setView} open={OPEN_COMPLAINT_STATUSES} closed={CLOSED_COMPLAINT_STATUSES} labels={COMPLAINT_STATUS_FILTER_LABELS} />
      <Loadable key={JSON.stringify(view)} load={() => fetchAssignedComplaints(view)}>
        {(data) => (view.closed ? historyView(data, view, now) : assignedView(data, now, view.status !== undefined))}
      </Loadable>
    </>
  );
}

export default function AssignedPage() {
  return (
    <Screen>
      <Assigned />
    </Screen>
  );
}
