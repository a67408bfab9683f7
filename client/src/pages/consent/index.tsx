import Taro from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { ConsentScreen, fetchConsent } from '@/features/privacy';
import { useReply } from '@/hooks/useReply';
import './index.scss';

/** Opened from the home page, from 我的数据, or from a marketing message's refusal link (`?via=message`). */
function Consent() {
  const { state, reload, replace } = useReply(fetchConsent);
  const fromMessage = Taro.getCurrentInstance().router?.params.via === 'message';
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <ConsentScreen view={state.data} onChange={replace} fromMessage={fromMessage} />;
}

export default function ConsentPage() {
  return (
    <Screen>
      <Consent />
    </Screen>
  );
}
