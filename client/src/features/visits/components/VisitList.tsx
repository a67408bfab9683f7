import { Image, Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import { SCORE_LABELS } from '@shared/survey/score';
import { photoUrl } from '@/api';
import { PhotoGrid } from '@/features/photos';
import type { SiteVisitView } from '../api/callVisits';
import './visits.scss';

/** One site record: what kind, at which stage, who made it and when, the photos, and the homeowner's signature. */
export function VisitItem({ visit: v, showTime = 'YYYY-MM-DD HH:mm' }: { visit: SiteVisitView; showTime?: string }) {
  const isVisit = v.kind === 'visit';
  return (
    <View className='visit-item' id={`visit-${v.id}`}>
      <View className='visit-item__head'>
        <Text className={`tag ${isVisit ? 'tag--green' : 'tag--blue'}`}>{v.kindLabel}</Text>
        <Text className='tag visit-item__stage'>{v.stageLabel}</Text>
        <Text className='muted visit-item__by'>
          {v.byName} · {formatCst(v.at, showTime)}
        </Text>
      </View>
      <Text className='visit-item__note'>{isVisit ? `业主意见：${v.note}` : v.note}</Text>
      {v.satisfaction ? (
        <Text className='muted visit-item__line'>
          满意度：{v.satisfaction} 分（{SCORE_LABELS[v.satisfaction]?.label ?? ''}）
        </Text>
      ) : null}
      <PhotoGrid fileIds={v.photos} />
      {isVisit ? (
        v.signature ? (
          <View className='visit-item__signature'>
            <Text className='muted'>业主签名</Text>
            <Image className='visit-item__signature-img' src={photoUrl(v.signature)} mode='aspectFit' />
          </View>
        ) : (
          <Text className='muted visit-item__line'>业主的签名已按其要求删除</Text>
        )
      ) : null}
    </View>
  );
}

/** A site's records, newest first, or a line saying there are none yet. */
export function VisitList({ visits, empty }: { visits: SiteVisitView[]; empty: string }) {
  if (visits.length === 0) return <Text className='muted visit-list__empty'>{empty}</Text>;
  return (
    <View className='visit-list' id='visit-list'>
      {visits.map((v) => (
        <VisitItem key={v.id} visit={v} />
      ))}
    </View>
  );
}
