import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import type { ComplaintCategory, StaffRole } from '@shared/complaint/categories';
import type { Failure } from '@shared/core/result';
import { validate } from '@shared/core/validation';
import type { ProjectSummary } from '@shared/me/api';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import { PhotoPicker } from '@/features/photos/components/PhotoPicker';
import { usePhotoUploads } from '@/features/photos/hooks/usePhotoUploads';
import { withoutField } from '@/lib/fields';
import { newRequestId } from '@/lib/requestId';
import { callComplaint } from '../api/callComplaint';
import type { ComplaintCategories } from '../api/queries';
import { CategoryChips } from './CategoryChips';
import { StaffRoleChips } from './StaffRoleChips';

interface Props {
  projects: ProjectSummary[];
  options: ComplaintCategories;
  initialProjectId?: string;
  onFiled: (complaintId: string) => void;
}

/** 我要投诉: which home, what about, whom (optional), what happened, photos; one request id per form. */
export function NewComplaintForm({ projects, options, initialProjectId, onFiled }: Props) {
  const [requestId] = useState(newRequestId);
  const [projectId, setProjectId] = useState(projects.find((p) => p.id === initialProjectId)?.id ?? (projects.length === 1 ? projects[0].id : ''));
  const [category, setCategory] = useState<ComplaintCategory | undefined>();
  const [staffRole, setStaffRole] = useState<StaffRole | undefined>();
  const [description, setDescription] = useState('');
  const photos = usePhotoUploads(9, 'complaints');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!photos.failed) setErrors((e) => withoutField(e, 'photos'));
  }, [photos.failed]);

  const edited =
    <V,>(field: string, set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setErrors((e) => withoutField(e, field));
    };

  const submit = async () => {
    setFailure(null);
    if (photos.failed) return setErrors((e) => ({ ...e, photos: '有照片没有传上去，请点照片重试或删除后再提交' }));
    const checked = validate(ComplaintInputs.file, { requestId, projectId, category, staffRole, description, photos: photos.fileIds });
    if (!checked.ok) return setErrors(checked.fields ?? {});
    setErrors({});
    setSending(true);
    const answer = await callComplaint('file', checked.data);
    setSending(false);
    if (answer.ok) return onFiled(answer.data.complaint.id);
    setFailure(answer);
    setErrors(answer.fields ?? {});
  };

  return (
    <View className='new-complaint' id='complaint-form'>
      {projects.length > 1 ? (
        <View className='card'>
          <View className='field'>
            <View className='field__label'>哪套房屋</View>
            <View className='chips'>
              {projects.map((p) => (
                <View key={p.id} id={`complaint-project-${p.id}`} className={`chip${p.id === projectId ? ' chip--active' : ''}`} onClick={() => edited('projectId', setProjectId)(p.id)}>
                  {p.name}
                </View>
              ))}
            </View>
            {errors.projectId ? <View className='field__error'>{errors.projectId}</View> : null}
          </View>
        </View>
      ) : (
        <View className='banner banner--info'>投诉房屋：{projects[0]?.name}</View>
      )}
      <View className='card'>
        <CategoryChips categories={options.categories} replyWithinHours={options.replyWithinHours} value={category} onChange={edited('category', setCategory)} error={errors.category} />
        <StaffRoleChips roles={options.staffRoles} value={staffRole} onChange={edited('staffRole', setStaffRole)} />
        <TextField
          id='complaint-description'
          label='投诉内容'
          value={description}
          onChange={edited('description', setDescription)}
          placeholder='请说说发生了什么、什么时候、在哪里，例如：设计图上厨房有 4 个插座，现场只装了 2 个'
          max={1000}
          error={errors.description ?? errors.staffRole}
        />
        <View className='field'>
          <View className='field__label'>
            <Text>
              照片<Text className='field__hint'>（选填，最多 9 张，每张不超过 10 MB）</Text>
            </Text>
          </View>
          <PhotoPicker uploads={photos} idPrefix='complaint' />
          {errors.photos ? <View className='field__error'>{errors.photos}</View> : null}
        </View>
        <Text className='muted'>我们会在规定时间内答复您；处理方案需要您确认后，投诉才算解决。</Text>
      </View>
      <View className='action-bar'>
        <FailureBanner failure={failure} id='complaint-error' />
        <ActionButton kind='primary' block busy={sending} disabled={photos.busy} onClick={() => void submit()} id='complaint-submit'>
          {photos.busy ? '照片上传中…' : '提交投诉'}
        </ActionButton>
      </View>
    </View>
  );
}
