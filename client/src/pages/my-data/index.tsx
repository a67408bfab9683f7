import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchMyData, MyDataScreen } from '@/features/privacy';
import { useReply } from '@/hooks/useReply';
import './index.scss';

function MyData() {
  const { state, reload, replace } = useReply(fetchMyData);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <MyDataScreen data={state.data} onChange={replace} onReload={() => void reload()} />;
}

export default function MyDataPage() {
  return (
    <Screen>
      <MyData />
    </Screen>
  );
}
