import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { formatCst } from '@shared/core/time';
import { PhotoGrid } from '@/features/photos';

/** What the site manager did to fix it: note, photos, when. */
export function ResolutionCard({ resolution }: { resolution: NonNullable<RepairView['resolution']> }) {
  return (
    <View className='card' id='repair-resolution'>
      <View className='card__head'>
        <Text className='card__title'>维修结果</Text>
        <Text className='card__sub nowrap'>{formatCst(resolution.at)}</Text>
      </View>
      <Text className='pre-wrap'>{resolution.note}</Text>
      <PhotoGrid fileIds={resolution.photos} />
    </View>
  );
}
