import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FollowUpReplies, PhoneTaskSummary } from '@shared/followup/api';
import type { Millis } from '@shared/core/time';
import { Loadable } from '@/components/Loadable';
import { Screen } from '@/components/Screen';
import { Empty } from '@/components/StateViews';
import type { RepairReplies } from '@shared/repair/api';
import { fetchPhoneTasks, PhoneTaskCard } from '@/features/followup';
import { fetchTracked, TicketCard } from '@/features/repair';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';
import '../staff.scss';

/** The soonest due first; tasks with no time set keep the server's order, after those with one. */
function byDue(a: PhoneTaskSummary, b: PhoneTaskSummary): number {
  if (a.callAt === null || b.callAt === null) return (a.callAt === null ? 1 : 0) - (b.callAt === null ? 1 : 0);
  return a.callAt - b.callAt;
}

function callsView(data: FollowUpReplies['calls'], now: Millis) {
  const tasks = [...data.tasks].sort(byDue);
  if (tasks.length === 0) return <Empty icon='✓' tone='green' title='没有待拨打的回访' text='发不出提醒或业主没有填写的回访，会在这里变成电话任务' />;
  const due = tasks.filter((t) => t.callAt === null || t.callAt <= now).length;
  return (
    <View id='staff-calls'>
      <View className='staff-summary'>
        <Text>共 {tasks.length} 个回访电话</Text>
        <Text className={`staff-summary__right${due ? ' text-warn' : ' muted'}`}>{due ? `${due} 个现在可拨打` : '都还没到约定时间'}</Text>
      </View>
      {tasks.map((t) => (
        <PhoneTaskCard key={t.id} task={t} now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.staffCall(id) })} />
      ))}
    </View>
  );
}

/** Defects found in follow-ups become repairs that customer service follows until the homeowner confirms the fix (DOMAIN §11). */
function trackedView(data: RepairReplies['tracked'], now: Millis) {
  if (data.tickets.length === 0) return null;
  return (
    <View id='staff-tracked'>
      <View className='staff-summary'>
        <Text>回访中发现的维修（客服跟进）</Text>
        <Text className='staff-summary__right muted'>{data.tickets.length} 单未完成</Text>
      </View>
      {data.tickets.map((t) => (
        <TicketCard key={t.id} ticket={t} audience='staff' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.staffTicket(id) })} />
      ))}
    </View>
  );
}

function Calls() {
  const now = useNow();
  return (
    <>
      <Loadable load={fetchPhoneTasks}>{(data) => callsView(data, now)}</Loadable>
      <Loadable load={fetchTracked}>{(data) => trackedView(data, now)}</Loadable>
    </>
  );
}

export default function StaffCallsPage() {
  return (
    <Screen>
      <Calls />
    </Screen>
  );
}
