import { useState } from 'react';
import { View } from '@tarojs/components';
import { validate } from '@shared/core/validation';
import type { ProjectSummary } from '@shared/me/api';
import { RepairInputs, type RepairReplies } from '@shared/repair/api';
import type { RepairCategory } from '@shared/repair/categories';
import type { PreferredVisit } from '@shared/repair/ticket';
import { ProjectChoice, firstProjectId } from '@/components/ProjectChoice';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import { PhotoField, usePhotoUploads } from '@/features/photos';
import { useNow } from '@/hooks/useNow';
import { useSubmitForm } from '@/hooks/useSubmitForm';
import { newRequestId } from '@/lib/requestId';
import { callRepair } from '../api/callRepair';
import { CategoryField } from './CategoryField';
import { VisitField } from './VisitField';

interface Props {
  projects: ProjectSummary[];
  categories: RepairReplies['categories']['categories'];
  /** hours within which someone contacts the homeowner (settings/repair) */
  contactHours: number;
  initialProjectId?: string;
  onCreated: (ticketId: string) => void;
}

/** 报修: what is broken, a description, photos and when to come; checked here before it is sent. */
export function NewRepairForm({ projects, categories, contactHours, initialProjectId, onCreated }: Props) {
  const now = useNow(60_000);
  const [requestId] = useState(newRequestId);
  const [projectId, setProjectId] = useState(firstProjectId(projects, initialProjectId));
  const [category, setCategory] = useState<RepairCategory | undefined>();
  const [description, setDescription] = useState('');
  const [visit, setVisit] = useState<Partial<PreferredVisit>>({});
  const photos = usePhotoUploads(9);
  const { errors, failure, sending, edited, submit } = useSubmitForm(photos);

  const send = () =>
    submit(
      () =>
        validate(RepairInputs.create, {
          requestId,
          projectId,
          category,
          description,
          photos: photos.fileIds,
          preferredVisit: visit.date && visit.slot ? visit : undefined,
        }),
      (input) => callRepair('create', input),
      (data) => onCreated(data.ticket.id),
    );

  const visitError = errors.preferredVisit ?? errors['preferredVisit.date'] ?? errors['preferredVisit.slot'];
  return (
    <View className='new-repair' id='repair-form'>
      <ProjectChoice projects={projects} value={projectId} onChange={edited('projectId', setProjectId)} idPrefix='project' only='报修房屋' error={errors.projectId} />
      <View className='card'>
        <CategoryField categories={categories} contactHours={contactHours} value={category} onChange={edited('category', setCategory)} error={errors.category} />
        <TextField
          id='repair-description'
          label='问题描述'
          value={description}
          onChange={edited('description', setDescription)}
          placeholder='请描述问题的位置和情况，例如：主卧卫生间洗手台下方水管接口滴水'
          max={500}
          error={errors.description}
        />
        <PhotoField uploads={photos} idPrefix='repair' label='现场照片' hint='（选填，最多 9 张，每张不超过 10 MB）' error={errors.photos} />
        <VisitField now={now} value={visit} onChange={edited('preferredVisit', setVisit)} error={visitError} />
      </View>
      <SubmitBar id='repair-submit' errorId='repair-error' label='提交报修' failure={failure} sending={sending} uploading={photos.busy} onSubmit={() => void send()} />
    </View>
  );
}
