import { useRouter } from '@tarojs/taro';
import { Screen } from '@/components/Screen';
import { Failed, Loading } from '@/components/StateViews';
import { fetchVisits, SiteArchive } from '@/features/visits';
import { useReply } from '@/hooks/useReply';
import './index.scss';

/** 工地照片: the homeowner's archive of their site, opened from their home's project card. */
function Site() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useReply(() => fetchVisits(id));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed failure={state.failure} onRetry={() => void reload()} />;
  return <SiteArchive archive={state.data} />;
}

export default function SitePage() {
  return (
    <Screen>
      <Site />
    </Screen>
  );
}
