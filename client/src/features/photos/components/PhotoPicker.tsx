import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PhotoUploads } from '../hooks/usePhotoUploads';

/** Thumbnails of the chosen photos with their upload state, a remove button each, and an add tile. */
export function PhotoPicker({ uploads, idPrefix }: { uploads: PhotoUploads; idPrefix: string }) {
  const { items, max, pick, remove, retry, pickError } = uploads;
  const urls = items.map((it) => it.localPath);
  return (
    <View>
      <View className='photo-grid'>
        {items.map((it, i) => (
          <View key={it.key} className={`photo-grid__cell photo-grid__cell--${it.status}`} id={`${idPrefix}-photo-${i}`}>
            <Image
              className='photo-grid__img'
              src={it.localPath}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ urls, current: it.localPath })}
            />
            {it.status === 'uploading' ? <View className='photo-grid__mask'>上传中…</View> : null}
            {it.status === 'failed' ? (
              <View className='photo-grid__mask photo-grid__mask--failed' onClick={() => retry(it)}>
                上传失败{'\n'}点此重试
              </View>
            ) : null}
            <View className='photo-grid__remove' id={`${idPrefix}-photo-remove-${i}`} onClick={() => remove(it.key)}>
              ×
            </View>
          </View>
        ))}
        {items.length < max ? (
          <View className='photo-grid__cell photo-grid__add' id={`${idPrefix}-photo-add`} hoverClass='btn--pressed' onClick={() => void pick()}>
            <Text className='photo-grid__plus'>＋</Text>
            <Text className='photo-grid__count'>
              添加照片 {items.length}/{max}
            </Text>
          </View>
        ) : null}
      </View>
      {items.some((it) => it.status === 'failed') ? (
        <View className='field__error'>{items.find((it) => it.status === 'failed')?.error ?? '有照片没有传上去'}，可点照片重试或删除</View>
      ) : null}
      {pickError ? <View className='field__error'>{pickError}</View> : null}
    </View>
  );
}
