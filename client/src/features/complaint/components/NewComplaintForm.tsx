import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ComplaintInputs } from '@shared/complaint/api';
import type { ComplaintCategory, StaffRole } from '@shared/complaint/categories';
import { validate } from '@shared/core/validation';
import type { ProjectSummary } from '@shared/me/api';
import { ProjectChoice, firstProjectId } from '@/components/ProjectChoice';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import { PhotoField, usePhotoUploads } from '@/features/photos';
import { useSubmitForm } from '@/hooks/useSubmitForm';
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
  const [projectId, setProjectId] = useState(firstProjectId(projects, initialProjectId));
  const [category, setCategory] = useState<ComplaintCategory | undefined>();
  const [staffRole, setStaffRole] = useState<StaffRole | undefined>();
  const [description, setDescription] = useState('');
  const [remedy, setRemedy] = useState('');
  const photos = usePhotoUploads(9, 'complaints');
  const { errors, failure, sending, edited, submit } = useSubmitForm(photos);

  const send = () =>
    submit(
      () => validate(ComplaintInputs.file, { requestId, projectId, category, staffRole, description, remedy, photos: photos.fileIds }),
      (input) => callComplaint('file', input),
      (data) => onFiled(data.complaint.id),
    );

  return (
    <View className='new-complaint' id='complaint-form'>
      <ProjectChoice projects={projects} value={projectId} onChange={edited('projectId', setProjectId)} idPrefix='complaint-project' only='投诉房屋' error={errors.projectId} />
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
        <TextField
          id='complaint-remedy'
          label='您希望怎样处理'
          value={remedy}
          onChange={edited('remedy', setRemedy)}
          placeholder='例如：返工重新铺贴并承担费用；更换施工人员；赔偿误工'
          max={500}
          error={errors.remedy}
        />
        <PhotoField uploads={photos} idPrefix='complaint' label='照片' hint='（选填，最多 9 张，每张不超过 10 MB）' error={errors.photos} />
        <Text className='muted'>
          提交后您会收到受理函：投诉编号、处理人，以及答复和处理结果的期限。处理方案需要您确认后，投诉才算解决。
        </Text>
      </View>
      <SubmitBar id='complaint-submit' errorId='complaint-error' label='提交投诉' failure={failure} sending={sending} uploading={photos.busy} onSubmit={() => void send()} />
    </View>
  );
}
