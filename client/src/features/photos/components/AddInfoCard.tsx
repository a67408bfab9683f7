import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';
import type { PhotoFolder } from '@/api';
import { usePhotoUploads } from '../hooks/usePhotoUploads';
import { PhotoField } from './PhotoField';

interface Props {
  /** ids: `<idPrefix>-open`, `<idPrefix>-text`, `<idPrefix>-photo-add`, `<idPrefix>-submit` */
  idPrefix: string;
  folder: PhotoFolder;
  /** who reads it, e.g. 项目经理 */
  reader: string;
  busy: boolean;
  failure: Failure | null;
  /** resolves true once stored */
  onSubmit: (text: string, photos: string[]) => Promise<boolean>;
}

/** 补充信息: the homeowner tells whoever handles an open record more, with photos; it lands in the record's history. */
export function AddInfoCard({ idPrefix, folder, reader, busy, failure, onSubmit }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const photos = usePhotoUploads(9, folder);

  const submit = async () => {
    if (photos.busy) return setError('照片还在上传，请稍等');
    if (text.trim().length < 2) return setError('补充说明请至少写 2 个字');
    setError(undefined);
    if (await onSubmit(text.trim(), photos.fileIds)) {
      setOpen(false);
      setText('');
      photos.clear();
    }
  };

  return (
    <View className='card action-card' id={idPrefix}>
      <View className='card__head'>
        <Text className='card__title'>补充信息</Text>
      </View>
      <Text className='muted'>有新情况、新照片，可以补充给{reader}，会记在下面的处理记录里。</Text>
      {open ? (
        <View className='action-card__form'>
          <FailureBanner failure={failure} />
          <TextField
            id={`${idPrefix}-text`}
            label='补充说明'
            value={text}
            onChange={(v) => {
              setText(v);
              setError(undefined);
            }}
            placeholder='例如：今天早上客厅的插座也跳闸了'
            max={500}
            error={error}
            errorId={`${idPrefix}-error`}
          />
          <PhotoField uploads={photos} idPrefix={idPrefix} label='照片' hint='（选填，最多 9 张）' />
          <FormButtons idPrefix={idPrefix} submitLabel={photos.busy ? '照片上传中…' : '提交补充信息'} busy={busy} disabled={photos.busy} onCancel={() => setOpen(false)} onSubmit={() => void submit()} />
        </View>
      ) : (
        <ActionButton block onClick={() => setOpen(true)} id={`${idPrefix}-open`}>
          补充信息或照片
        </ActionButton>
      )}
    </View>
  );
}
