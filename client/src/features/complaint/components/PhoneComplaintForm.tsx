import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import type { ComplaintCategory, StaffRole } from '@shared/complaint/categories';
import { validate } from '@shared/core/validation';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import type { ProjectHit } from '@/features/project';
import { PhotoField, usePhotoUploads } from '@/features/photos';
import { useSubmitForm } from '@/hooks/useSubmitForm';
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
  const [remedy, setRemedy] = useState('');
  const photos = usePhotoUploads(9, 'complaints');
  const { errors, failure, sending, edited, submit } = useSubmitForm(photos);

  const send = () =>
    submit(
      () => validate(ComplaintInputs.logPhone, { projectId: project?.id ?? '', category, staffRole, description, callerSaid, remedy, photos: photos.fileIds }),
      (input) => callComplaint('logPhone', input),
      (data) => onLogged(data.complaint.id),
    );

  return (
    <View id='phone-complaint-form'>
      <View className='banner banner--info' id='phone-complaint-script'>
        先代表公司致歉：“非常抱歉给您添麻烦了，您说的情况我都记下来了。”记下客户的原话和要求；不要在电话里承诺无法确定的结果，答复和处理时间以受理函为准（登记后自动发给业主）。
      </View>
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
          id='phone-remedy'
          label='客户希望怎样处理'
          value={remedy}
          onChange={edited('remedy', setRemedy)}
          placeholder='请问客户：“您能谈一下您的希望、您的要求吗？”例如：返工重做、赔偿、换人'
          max={500}
          error={errors.remedy}
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
        <PhotoField uploads={photos} idPrefix='phone' label='照片' hint='（选填，客户发来的照片，最多 9 张）' error={errors.photos} />
        <Text className='muted'>登记后您是这条投诉的受理人（首问负责人）；投诉会按类别当天转交责任部门，由该部门指定的处理人答复，业主会收到受理函。</Text>
      </View>
      <SubmitBar id='phone-submit' errorId='phone-error' label='登记投诉' failure={failure} sending={sending} uploading={photos.busy} onSubmit={() => void send()} />
    </View>
  );
}
