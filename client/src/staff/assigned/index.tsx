import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComplaintSummary } from '@shared/complaint/api';
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
function assignedView(data: { complaints: ComplaintSummary[] }, now: Millis) {
  const { complaints } = data;
  const search = <RefSearch kind='complaint' search={findComplaintByRef} onFound={openComplaint} />;
  if (complaints.length === 0) {
    return (
      <>
        {search}
        <Empty icon='✓' tone='green' title='没有指派给您的投诉' text='业主看到的处理人是您的投诉会出现在这里，超时的排在最前' />
      </>
    );
  }
  const overdue = complaints.filter((c) => c.overdue || (c.nextDeadlineAt !== null && c.nextDeadlineAt < now)).length;
  return (
    <View id='staff-assigned'>
      {search}
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

function Assigned() {
  const now = useNow();
  return <Loadable load={fetchAssignedComplaints}>{(data) => assignedView(data, now)}</Loadable>;
}

export default function AssignedPage() {
  return (
    <Screen>
      <Assigned />
    </Screen>
  );
}
