import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Millis } from '@shared/core/time';
import type { ComplaintSummary } from '@shared/complaint/api';
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

type QueueData = { complaints: ComplaintSummary[]; canLogPhone: boolean; scope: string };

async function loadQueue(): Promise<Reply<QueueData>> {
  const [me, queue] = await Promise.all([fetchWhoAmI(), fetchComplaintQueue()]);
  if (!me.ok) return me;
  if (!queue.ok) return queue;
  const everything = hasRole(me.data.user, 'customerService', 'admin');
  const scope = everything ? '全部部门' : '本部门';
  return { ok: true, data: { complaints: queue.data.complaints, canLogPhone: hasRole(me.data.user, 'customerService'), scope } };
}

const openComplaint = (id: string) => void Taro.navigateTo({ url: routes.staffComplaint(id) });

/** 投诉处理: open complaints in the server's order (overdue first, then repeats, then the nearest deadline). */
function complaintQueueView(data: QueueData, now: Millis) {
  const { complaints, canLogPhone, scope } = data;
  const overdue = complaints.filter((c) => c.overdue || (c.nextDeadlineAt !== null && c.nextDeadlineAt < now)).length;
  const logPhone = canLogPhone ? (
    <View className='action-bar'>
      <ActionButton kind='primary' block onClick={() => void Taro.navigateTo({ url: routes.staffComplaintPhone() })} id='complaint-log-phone'>
        登记电话投诉
      </ActionButton>
    </View>
  ) : null;
  const search = <RefSearch kind='complaint' search={findComplaintByRef} onFound={openComplaint} />;
  if (complaints.length === 0) {
    return (
      <>
        {search}
        <Empty icon='✓' tone='green' title='没有待处理的投诉' text={`${scope}的新投诉会出现在这里，超时的排在最前`} />
        {logPhone}
      </>
    );
  }
  return (
    <View id='staff-complaints'>
      {search}
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

function ComplaintQueue() {
  const now = useNow();
  return <Loadable load={loadQueue}>{(data) => complaintQueueView(data, now)}</Loadable>;
}

export default function ComplaintQueuePage() {
  return (
    <Screen withBar>
      <NoticesEntry compact />
      <ComplaintQueue />
    </Screen>
  );
}
