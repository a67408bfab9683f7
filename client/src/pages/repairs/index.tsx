import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchMyRepairs } from '@/features/repair/api/queries';
import { TicketCard } from '@/features/repair/components/TicketCard';
import { useAnswer } from '@/hooks/useAnswer';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';

function MyRepairs() {
  const now = useNow();
  const { state, reload } = useAnswer(fetchMyRepairs);
  usePullDownRefresh(() => void reload().then(() => Taro.stopPullDownRefresh()));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const newRepair = () => void Taro.navigateTo({ url: routes.newRepair() });
  if (state.data.tickets.length === 0) {
    return (
      <Empty
        icon='修'
        tone='green'
        title='还没有报修记录'
        text='家里有东西坏了？提交报修，我们 24 小时内联系您'
        action={
          <ActionButton kind='primary' onClick={newRepair} id='empty-new-repair'>
            我要报修
          </ActionButton>
        }
      />
    );
  }
  return (
    <View className='ticket-list' id='my-repairs'>
      {state.data.tickets.map((t) => (
        <TicketCard key={t.id} ticket={t} audience='homeowner' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.repair(id) })} />
      ))}
      <View className='action-bar'>
        <ActionButton kind='primary' block onClick={newRepair} id='list-new-repair'>
          我要报修
        </ActionButton>
      </View>
    </View>
  );
}

export default function MyRepairsPage() {
  return (
    <Screen withBar>
      <MyRepairs />
    </Screen>
  );
}
