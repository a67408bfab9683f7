import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { photoUrl } from '@/api';

/** Stored photos as thumbnails; a tap opens them full screen. */
export function PhotoGrid({ fileIds, className }: { fileIds: string[]; className?: string }) {
  if (fileIds.length === 0) return null;
  const urls = fileIds.map(photoUrl);
  return (
    <View className={`photo-grid ${className ?? ''}`}>
      {urls.map((url) => (
        <View key={url} className='photo-grid__cell' onClick={() => void Taro.previewImage({ urls, current: url })}>
          <Image className='photo-grid__img' src={url} mode='aspectFill' />
        </View>
      ))}
    </View>
  );
}
