import { Text, View } from '@tarojs/components';
import type { PhotoUploads } from '../hooks/usePhotoUploads';
import { PhotoPicker } from './PhotoPicker';

interface Props {
  uploads: PhotoUploads;
  idPrefix: string;
  label: string;
  /** '（选填，最多 9 张）' */
  hint: string;
  error?: string;
}

/** A form's photos field: its label and hint, the picker, and the field's error. */
export function PhotoField({ uploads, idPrefix, label, hint, error }: Props) {
  return (
    <View className='field'>
      <View className='field__label'>
        <Text>
          {label}
          <Text className='field__hint'>{hint}</Text>
        </Text>
      </View>
      <PhotoPicker uploads={uploads} idPrefix={idPrefix} />
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
