import Taro from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchComplaintCategories, PhoneComplaintForm } from '@/features/complaint';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import '../staff.scss';

function PhoneComplaint() {
  const { state, reload } = useReply(fetchComplaintCategories);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return (
    <PhoneComplaintForm
      options={state.data}
      // the complaint page says 投诉已登记: Taro H5 would hide a toast shown here on the redirect
      onLogged={(id) => void Taro.redirectTo({ url: routes.staffComplaint(id, true) })}
    />
  );
}

export default function PhoneComplaintPage() {
  return (
    <Screen withBar>
      <PhoneComplaint />
    </Screen>
  );
}
