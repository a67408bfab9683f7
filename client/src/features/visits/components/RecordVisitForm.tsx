import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { validate } from '@shared/core/validation';
import { ProjectInputs } from '@shared/project/api';
import type { Project } from '@shared/project/project';
import { SITE_STAGE_LABELS, siteStage, type SiteVisitKind } from '@shared/project/visit';
import { SCORE_LABELS } from '@shared/survey/score';
import { SubmitBar } from '@/components/SubmitBar';
import { TextField } from '@/components/TextField';
import { PhotoField, usePhotoUploads } from '@/features/photos';
import { useSubmitForm } from '@/hooks/useSubmitForm';
import { newRequestId } from '@/lib/requestId';
import { sendVisit, type SiteVisitView } from '../api/callVisits';
import { SignaturePad } from './SignaturePad';
import './visits.scss';

const SCORES = [5, 4, 3, 2, 1] as const;

interface Props {
  kind: SiteVisitKind;
  project: { id: string; name: string; milestones: Project['milestones'] };
  onRecorded: (visit: SiteVisitView) => void;
}

/**
 * 现场拍照存档 (1–9 photos and what they show) or 上门回访 (what the homeowner said, their score if they
 * give one, photos if any, and their signature, without which nothing is sent). The stage the record is
 * filed under comes from the project's milestones, and the form says which.
 */
export function RecordVisitForm({ kind, project, onRecorded }: Props) {
  const [requestId] = useState(newRequestId);
  const [note, setNote] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | undefined>();
  const [signature, setSignature] = useState<string | null>(null);
  const photos = usePhotoUploads(9, 'visits');
  const { errors, failure, sending, edited, submit } = useSubmitForm(photos);
  const stage = siteStage(project.milestones);

  const send = () =>
    submit(
      () =>
        validate(
          ProjectInputs.recordVisit,
          kind === 'photos'
            ? { kind, requestId, projectId: project.id, photos: photos.fileIds, note }
            : { kind, requestId, projectId: project.id, photos: photos.fileIds, remarks: note, satisfaction, signature: signature ?? undefined },
        ),
      sendVisit,
      (data) => onRecorded(data.visit),
    );

  const isVisit = kind === 'visit';
  return (
    <View className='visit-form' id='visit-form'>
      <View className='card'>
        <View className='card__head'>
          <Text className='card__title'>{isVisit ? '上门回访' : '现场拍照存档'}</Text>
          <Text className='tag tag--blue' id='visit-stage'>
            {SITE_STAGE_LABELS[stage]}
          </Text>
        </View>
        <Text className='muted'>
          {project.name} · 按工地节点记为「{SITE_STAGE_LABELS[stage]}」。保存后不能修改，记错了请再记一条更正。
        </Text>
        {!isVisit && stage === 'beforeStart' ? (
          <View className='banner banner--warn' id='visit-not-started'>
            工地还没有开工：开工后才能拍照存档，请先在工地节点记录开工日期。
          </View>
        ) : null}
        {isVisit ? (
          <>
            <TextField
              id='visit-remarks'
              label='业主意见'
              value={note}
              onChange={edited('remarks', setNote)}
              placeholder='业主怎么说，例如：对工人满意，希望卫生间再做一次闭水试验'
              max={500}
              error={errors.remarks}
            />
            <View className='field'>
              <View className='field__label'>
                <Text>
                  业主满意度<Text className='field__hint'>（选填，业主愿意打分时再选）</Text>
                </Text>
              </View>
              <View className='chips visit-scores'>
                {SCORES.map((s) => (
                  <View
                    key={s}
                    id={`visit-score-${s}`}
                    className={`chip${satisfaction === s ? ' chip--active' : ''}`}
                    onClick={() => edited('satisfaction', setSatisfaction)(satisfaction === s ? undefined : s)}
                  >
                    {s} 分 {SCORE_LABELS[s]?.label ?? ''}
                  </View>
                ))}
              </View>
              {errors.satisfaction ? <View className='field__error'>{errors.satisfaction}</View> : null}
            </View>
            <PhotoField uploads={photos} idPrefix='visit' label='现场照片' hint='（选填，最多 9 张）' error={errors.photos ?? errors['photos.0']} />
          </>
        ) : (
          <>
            <PhotoField uploads={photos} idPrefix='visit' label='现场照片' hint='（1–9 张，每张不超过 10 MB）' error={errors.photos ?? errors['photos.0']} />
            <TextField
              id='visit-note'
              label='照片说明'
              value={note}
              onChange={edited('note', setNote)}
              placeholder='拍的是什么，例如：水电开槽完成，线管走向如图'
              max={300}
              error={errors.note}
            />
          </>
        )}
      </View>
      {isVisit ? (
        <View className='card'>
          <SignaturePad onSigned={edited('signature', setSignature)} error={errors.signature} />
        </View>
      ) : null}
      <SubmitBar
        id='visit-submit'
        errorId='visit-error'
        label={isVisit ? '保存上门回访' : '保存照片存档'}
        failure={failure}
        sending={sending}
        uploading={photos.busy}
        onSubmit={() => void send()}
      />
    </View>
  );
}
