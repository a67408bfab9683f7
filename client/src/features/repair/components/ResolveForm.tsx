import { useState } from 'react';
import { View } from '@tarojs/components';
import { RepairInputs } from '@shared/repair/api';
import { validate } from '@shared/core/validation';
import { FormButtons } from '@/components/FormButtons';
import { PhotoPicker, usePhotoUploads } from '@/features/photos';
import { TextField } from '@/components/TextField';

interface Props {
  ticketId: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string, photos: string[]) => void;
}

/** What was done to fix it, with photos of the result: both required (DOMAIN §5), checked before sending. */
export function ResolveForm({ ticketId, busy, onCancel, onSubmit }: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const photos = usePhotoUploads(9);

  const submit = () => {
    if (photos.busy) return setError('照片还在上传，请稍等');
    const checked = validate(RepairInputs.resolve, { ticketId, note, photos: photos.fileIds });
    if (!checked.ok) return setError([checked.fields?.note, checked.fields?.photos].filter(Boolean).join('；') || checked.message);
    setError(null);
    onSubmit(checked.data.note, checked.data.photos);
  };

  return (
    <View className='action-card__form resolve-form' id='resolve-form'>
      <TextField
        id='resolve-note'
        label='维修说明'
        value={note}
        onChange={setNote}
        placeholder='做了什么、换了什么，例如：更换漏电保护开关，重新接线并测试'
        max={500}
      />
      <View className='field'>
        <View className='field__label'>
          维修后照片<View className='field__hint'>（必填，至少 1 张，最多 9 张）</View>
        </View>
        <PhotoPicker uploads={photos} idPrefix='resolve' />
      </View>
      {error ? <View className='field__error' id='resolve-error'>{error}</View> : null}
      <FormButtons idPrefix='resolve' submitLabel={photos.busy ? '照片上传中…' : '提交维修结果'} busy={busy} disabled={photos.busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
