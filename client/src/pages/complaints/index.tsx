import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { Screen } from '@/components/Screen';
import { Empty, Failed, Loading } from '@/components/StateViews';
import { fetchMyComplaints } from '@/features/complaint/api/queries';
import { ComplaintCard } from '@/features/complaint/components/ComplaintCard';
import { useAnswer } from '@/hooks/useAnswer';
import { useNow } from '@/hooks/useNow';
import { routes } from '@/lib/routes';

function MyComplaints() {
  const now = useNow();
  const { state, reload } = useAnswer(fetchMyComplaints);
  usePullDownRefresh(() => void reload().then(() => Taro.stopPullDownRefresh()));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const newComplaint = () => void Taro.navigateTo({ url: routes.newComplaint() });
  if (state.data.complaints.length === 0) {
    return (
      <Empty
        icon='诉'
        tone='blue'
        title='还没有投诉记录'
        text='对设计、施工、材料或服务不满意，都可以告诉我们，每条投诉都会有答复'
        action={
          <ActionButton kind='primary' onClick={newComplaint} id='empty-new-complaint'>
            我要投诉
          </ActionButton>
        }
      />
    );
  }
  return (
    <View className='complaint-list' id='my-complaints'>
      {state.data.complaints.map((c) => (
        <ComplaintCard key={c.id} complaint={c} audience='homeowner' now={now} onOpen={(id) => void Taro.navigateTo({ url: routes.complaint(id) })} />
      ))}
      <View className='action-bar'>
        <ActionButton kind='primary' block onClick={newComplaint} id='list-new-complaint'>
          我要投诉
        </ActionButton>
      </View>
    </View>
  );
}

export default function MyComplaintsPage() {
  return (
    <Screen withBar>
      <MyComplaints />
    </Screen>
  );
}
