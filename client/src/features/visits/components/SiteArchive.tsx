import { Text, View } from '@tarojs/components';
import { formatCst } from '@shared/core/time';
import type { SiteVisits } from '../api/callVisits';
import { VisitItem } from './VisitList';
import './visits.scss';

/**
 * 工地照片 for the homeowner: the photos of their site the company archived and the visits they
 * signed, by day (China time), newest first, each with who took it.
 */
export function SiteArchive({ archive }: { archive: SiteVisits }) {
  const days = new Map<string, SiteVisits['visits']>();
  for (const v of archive.visits) {
    const day = formatCst(v.at, 'YYYY-MM-DD');
    days.set(day, [...(days.get(day) ?? []), v]);
  }
  return (
    <View className='site-archive' id='site-archive'>
      <View className='card'>
        <Text className='card__title'>{archive.project.name}</Text>
        <Text className='muted site-archive__intro'>这里是施工期间和竣工验收后为您的工地拍照存档的记录，以及上门回访时您签名确认的记录。每条都写明了是谁、什么时候记录的。</Text>
      </View>
      {archive.visits.length === 0 ? (
        <View className='card'>
          <Text className='muted' id='site-archive-empty'>还没有工地照片。项目经理或客服为您的工地拍照存档后，会显示在这里。</Text>
        </View>
      ) : null}
      {[...days.entries()].map(([day, visits]) => (
        <View key={day} className='card site-archive__day' id={`site-day-${day}`}>
          <Text className='section-title'>{day}</Text>
          {visits.map((v) => (
            <VisitItem key={v.id} visit={v} showTime='HH:mm' />
          ))}
        </View>
      ))}
    </View>
  );
}
