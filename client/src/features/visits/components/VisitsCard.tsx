import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/ActionButton';
import { Failed } from '@/components/StateViews';
import { useReply } from '@/hooks/useReply';
import { routes } from '@/lib/routes';
import { fetchVisits } from '../api/callVisits';
import { VisitList } from './VisitList';
import './visits.scss';

/**
 * 现场记录 on a staff member's project page: the two ways to record (现场拍照存档, 上门回访) for those who
 * may, and the site's records with their thumbnails, newest first. Refreshes when the page shows again.
 */
export function VisitsCard({ projectId }: { projectId: string }) {
  const { state, reload } = useReply(() => fetchVisits(projectId));
  const open = (kind: 'photos' | 'visit') => void Taro.navigateTo({ url: routes.staffVisit(projectId, kind) });
  return (
    <View className='card' id='visits-card'>
      <View className='card__head'>
        <Text className='card__title'>现场记录</Text>
        {state.status === 'ready' ? <Text className='muted'>共 {state.data.visits.length} 条</Text> : null}
      </View>
      <Text className='muted'>施工期间和竣工后的工地照片存档；上门回访须有业主签名。</Text>
      {state.status === 'ready' && state.data.mayRecord ? (
        <View className='btn-row visits-card__actions'>
          <ActionButton id='visit-photos-open' onClick={() => open('photos')}>
            现场拍照存档
          </ActionButton>
          <ActionButton kind='primary' id='visit-visit-open' onClick={() => open('visit')}>
            上门回访
          </ActionButton>
        </View>
      ) : null}
      {state.status === 'loading' ? <Text className='muted'>正在加载现场记录…</Text> : null}
      {state.status === 'failed' ? <Failed failure={state.failure} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? <VisitList visits={state.data.visits} empty='还没有现场记录。' /> : null}
    </View>
  );
}
