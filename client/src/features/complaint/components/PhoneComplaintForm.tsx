import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import type { ComplaintCategory, StaffRole } from '@shared/complaint/categories';
import type { Failure } from '@shared/core/result';
import { validate } from '@shared/core/validation';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { TextField } from '@/components/TextField';
import type { ProjectHit } from '@/features/project/api/searchProjects';
import { PhotoPicker } from '@/features/photos/components/PhotoPicker';
import { usePhotoUploads } from '@/features/photos/hooks/usePhotoUploads';
import { withoutField } from '@/lib/fields';
import { callComplaint } from '../api/callComplaint';
import type { ComplaintCategories } from '../api/queries';
import { CategoryChips } from './CategoryChips';
import { ProjectSearch } from './ProjectSearch';
import { StaffRoleChips } from './StaffRoleChips';

/** 登记电话投诉: customer service records a call; the agent becomes its first owner (首问负责制). */
export function PhoneComplaintForm({ options, onLogged }: { options: ComplaintCategories; onLogged: (complaintId: string) => void }) {
  const [project, setProject] = useState<ProjectHit | null>(null);
  const [category, setCategory] = useState<ComplaintCategory | undefined>();
  const [staffRole, setStaffRole] = useState<StaffRole | undefined>();
  const [description, setDescription] = useState('');
  const [callerSaid, setCallerSaid] = useState('');
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
    const input = { projectId: project?.id ?? '', category, staffRole, description, callerSaid, photos: photos.fileIds };
    const checked = validate(ComplaintInputs.logPhone, input);
    if (!checked.ok) return setErrors(checked.fields ?? {});
    setErrors({});
    setSending(true);
    const answer = await callComplaint('logPhone', checked.data);
    setSending(false);
    if (answer.ok) return onLogged(answer.data.complaint.id);
    setFailure(answer);
    setErrors(answer.fields ?? {});
  };

  return (
    <View id='phone-complaint-form'>
      <View className='card'>
        <ProjectSearch value={project} onChange={edited('projectId', setProject)} error={errors.projectId} />
      </View>
      <View className='card'>
        <CategoryChips categories={options.categories} replyWithinHours={options.replyWithinHours} value={category} onChange={edited('category', setCategory)} error={errors.category} />
        <StaffRoleChips roles={options.staffRoles} value={staffRole} onChange={edited('staffRole', setStaffRole)} />
        <TextField
          id='phone-description'
          label='投诉内容（整理后）'
          value={description}
          onChange={edited('description', setDescription)}
          placeholder='客户反映的问题：什么事、什么时候、在哪里'
          max={1000}
          error={errors.description ?? errors.staffRole}
        />
        <TextField
          id='phone-caller-said'
          label='客户原话'
          value={callerSaid}
          onChange={edited('callerSaid', setCallerSaid)}
          placeholder='尽量按客户的原话记录'
          max={1000}
          error={errors.callerSaid}
          optional
        />
        <View className='field'>
          <View className='field__label'>
            <Text>
              照片<Text className='field__hint'>（选填，客户发来的照片，最多 9 张）</Text>
            </Text>
          </View>
          <PhotoPicker uploads={photos} idPrefix='phone' />
          {errors.photos ? <View className='field__error'>{errors.photos}</View> : null}
        </View>
        <Text className='muted'>登记后您是这条投诉的首问负责人，投诉会按类别当天转交责任部门。</Text>
      </View>
      <View className='action-bar'>
        <FailureBanner failure={failure} id='phone-error' />
        <ActionButton kind='primary' block busy={sending} disabled={photos.busy} onClick={() => void submit()} id='phone-submit'>
          {photos.busy ? '照片上传中…' : '登记投诉'}
        </ActionButton>
      </View>
    </View>
  );
}
