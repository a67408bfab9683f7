import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Failure } from '@shared/core/result';
import type { ProjectSummary } from '@shared/me/api';
import { RepairInputs, type RepairAnswers } from '@shared/repair/api';
import type { RepairCategory } from '@shared/repair/categories';
import type { PreferredVisit } from '@shared/repair/ticket';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { PhotoPicker } from '@/features/photos/components/PhotoPicker';
import { usePhotoUploads } from '@/features/photos/hooks/usePhotoUploads';
import { useNow } from '@/hooks/useNow';
import { withoutField } from '@/lib/fields';
import { newRequestId } from '@/lib/requestId';
import { callRepair } from '../api/callRepair';
import { CategoryField } from './CategoryField';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import { VisitField } from './VisitField';

interface Props {
  projects: ProjectSummary[];
  categories: RepairAnswers['categories']['categories'];
  initialProjectId?: string;
  onCreated: (ticketId: string) => void;
}

/** 报修: what is broken, a description, photos and when to come; checked here before it is sent. */
export function NewRepairForm({ projects, categories, initialProjectId, onCreated }: Props) {
  const now = useNow(60_000);
  const [requestId] = useState(newRequestId);
  const [projectId, setProjectId] = useState(projects.find((p) => p.id === initialProjectId)?.id ?? (projects.length === 1 ? projects[0].id : ''));
  const [category, setCategory] = useState<RepairCategory | undefined>();
  const [description, setDescription] = useState('');
  const [visit, setVisit] = useState<Partial<PreferredVisit>>({});
  const photos = usePhotoUploads(9);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!photos.failed) setErrors((e) => withoutField(e, 'photos'));
  }, [photos.failed]);

  /** A setter that also clears the field's error once the person changes it. */
  const edited =
    <V,>(field: string, set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setErrors((e) => withoutField(e, field));
    };

  const submit = async () => {
    setFailure(null);
    if (photos.failed) return setErrors((e) => ({ ...e, photos: '有照片没有传上去，请点照片重试或删除后再提交' }));
    const checked = validate(RepairInputs.create, {
      requestId,
      projectId,
      category,
      description,
      photos: photos.fileIds,
      preferredVisit: visit.date && visit.slot ? visit : undefined,
    });
    if (!checked.ok) return setErrors(checked.fields ?? {});
    setErrors({});
    setSending(true);
    const answer = await callRepair('create', checked.data);
    setSending(false);
    if (answer.ok) return onCreated(answer.data.ticket.id);
    setFailure(answer);
    setErrors(answer.fields ?? {});
  };

  const visitError = errors.preferredVisit ?? errors['preferredVisit.date'] ?? errors['preferredVisit.slot'];
  return (
    <View className='new-repair' id='repair-form'>
      {projects.length > 1 ? (
        <View className='card'>
          <View className='field'>
            <View className='field__label'>哪套房屋</View>
            <View className='chips'>
              {projects.map((p) => (
                <View key={p.id} id={`project-${p.id}`} className={`chip${p.id === projectId ? ' chip--active' : ''}`} onClick={() => edited('projectId', setProjectId)(p.id)}>
                  {p.name}
                </View>
              ))}
            </View>
            {errors.projectId ? <View className='field__error'>{errors.projectId}</View> : null}
          </View>
        </View>
      ) : (
        <View className='banner banner--info'>报修房屋：{projects[0]?.name}</View>
      )}
      <View className='card'>
        <CategoryField categories={categories} value={category} onChange={edited('category', setCategory)} error={errors.category} />
        <TextField
          id='repair-description'
          label='问题描述'
          value={description}
          onChange={edited('description', setDescription)}
          placeholder='请描述问题的位置和情况，例如：主卧卫生间洗手台下方水管接口滴水'
          max={500}
          error={errors.description}
        />
        <View className='field'>
          <View className='field__label'>
            <Text>
              现场照片<Text className='field__hint'>（选填，最多 9 张，每张不超过 10 MB）</Text>
            </Text>
          </View>
          <PhotoPicker uploads={photos} idPrefix='repair' />
          {errors.photos ? <View className='field__error'>{errors.photos}</View> : null}
        </View>
        <VisitField now={now} value={visit} onChange={edited('preferredVisit', setVisit)} error={visitError} />
      </View>
      <View className='action-bar'>
        <FailureBanner failure={failure} id='repair-error' />
        <ActionButton kind='primary' block busy={sending} disabled={photos.busy} onClick={() => void submit()} id='repair-submit'>
          {photos.busy ? '照片上传中…' : '提交报修'}
        </ActionButton>
      </View>
    </View>
  );
}
