import { useState } from 'react';
import { View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import { validate } from '@shared/core/validation';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';
import { PhotoField, usePhotoUploads } from '@/features/photos';

interface Props {
  complaintId: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (photos: string[], note: string) => void;
}

/** 添加证据: photos taken during the investigation, with what they show. */
export function EvidenceForm({ complaintId, busy, onCancel, onSubmit }: Props) {
  const photos = usePhotoUploads(9, 'complaints');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const checked = validate(ComplaintInputs.evidence, { complaintId, photos: photos.fileIds, note });
    if (!checked.ok) return setErrors(checked.fields ?? { note: checked.message });
    onSubmit(checked.data.photos, checked.data.note);
  };
  return (
    <View className='action-card__form' id='evidence-form'>
      <PhotoField uploads={photos} idPrefix='evidence' label='证据照片' hint='（至少 1 张，最多 9 张）' error={errors.photos} />
      <TextField
        id='evidence-text'
        label='证据说明（业主看不到）'
        value={note}
        onChange={(v) => {
          setNote(v);
          setErrors({});
        }}
        placeholder='例如：现场敲击检查，卫生间东墙空鼓约 2 平方米'
        max={300}
        error={errors.note}
      />
      <FormButtons idPrefix='evidence' submitLabel='保存证据' busy={busy} disabled={photos.busy} onCancel={onCancel} onSubmit={submit} />
    </View>
  );
}
