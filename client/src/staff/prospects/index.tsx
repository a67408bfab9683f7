import { Text, View } from '@tarojs/components';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchProspectQueue, NewProspectForm, ProspectCard } from '@/features/prospect';
import { useReply } from '@/hooks/useReply';
import '../staff.scss';

/** Prospects due a call now (only those who agreed to calls), and registering a new one. */
function Prospects() {
  const { state, reload } = useReply(fetchProspectQueue);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  const due = state.data.prospects;
  return (
    <View id='staff-prospects'>
      <View className='staff-summary'>
        <Text>{due.length ? `${due.length} 位意向客户现在该打电话了` : '现在没有要打的意向客户电话'}</Text>
      </View>
      {due.map((p) => (
        <ProspectCard key={p._id} prospect={p} onChanged={() => void reload()} />
      ))}
      <NewProspectForm onCreated={() => void reload()} />
    </View>
  );
}

export default function StaffProspectsPage() {
  return (
    <Screen>
      <Prospects />
    </Screen>
  );
}
