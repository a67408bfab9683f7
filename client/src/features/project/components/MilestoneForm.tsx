import { useMemo, useState } from 'react';
import { Picker, ScrollView, Text, View } from '@tarojs/components';
import type { MilestoneRow } from '@shared/project/api';
import type { WarrantyRegisteredBy } from '@shared/project/project';
import type { Millis } from '@shared/core/time';
import { cstDate } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { FailureBanner } from '@/components/FailureBanner';
import { FormButtons } from '@/components/FormButtons';
import { TextField } from '@/components/TextField';
import { recentDays } from '@/lib/calendar';
import { confirmAction } from '@/lib/feedback';
import { withoutField } from '@/lib/fields';
import type { MilestoneRecorder } from '../api/useRecordMilestone';
import { checkMilestone, type MilestoneDraft } from '../model/milestoneForm';

/** 业主本人办理 / 代办, the second with who does it for the homeowner. */
const WARRANTY_BY: { id: WarrantyRegisteredBy; label: string; sub: string }[] = [
  { id: 'homeowner', label: '业主本人办理', sub: '业主到公司办理' },
  { id: 'proxy', label: '代办', sub: '工长/现场负责人代办' },
];

interface Props {
  row: MilestoneRow;
  warrantyBy: WarrantyRegisteredBy | null;
  now: Millis;
  recorder: MilestoneRecorder;
  onDone: () => void;
}

/**
 * Recording (记录) or correcting (修改) one milestone: a date from the last week in one tap or any
 * date from the picker, who registered the warranty, and a reason for a correction. Ids: `#milestone-form`,
 * `#milestone-date-YYYY-MM-DD`, `#milestone-date-picker`, `#warranty-by-<homeowner|proxy>`, `#milestone-reason textarea`,
 * `#milestone-submit`, `#milestone-cancel`, `#milestone-remove`, `#milestone-error`, `#milestone-<date|warrantyBy|reason>-error`.
 */
export function MilestoneForm({ row, warrantyBy, now, recorder, onDone }: Props) {
  const today = cstDate(now);
  const days = useMemo(() => recentDays(now, 7), [now]);
  const [draft, setDraft] = useState<MilestoneDraft>({ date: row.date ?? today, warrantyBy: warrantyBy ?? undefined, reason: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...(recorder.failure?.fields ?? {}), ...local };
  const correcting = row.date !== null;
  const warranty = row.milestone === 'warrantyRegistered';

  const edit = <K extends keyof MilestoneDraft>(field: K, value: MilestoneDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setLocal((e) => withoutField(e, field));
    if (recorder.failure?.fields?.[field]) recorder.setFailure(null);
  };

  const send = async (removing: boolean) => {
    const found = checkMilestone(row, warrantyBy, draft, removing);
    setLocal(found);
    if (Object.keys(found).length) return;
    if (removing && !(await confirmAction('删除这个节点？', `${row.label}（${row.date ?? ''}）将被删除，相关回访会随之取消或调整`, '删除'))) return;
    const reason = draft.reason.trim() || undefined;
    const done = await recorder.run(
      removing ? { milestone: row.milestone, date: null, reason } : { milestone: row.milestone, date: draft.date, warrantyBy: warranty ? draft.warrantyBy : undefined, reason },
    );
    if (done) onDone();
  };

  // a failure the server tied to a field shows next to it; any other, above the buttons
  const placed = ['date', 'warrantyBy', 'reason'].some((f) => recorder.failure?.fields?.[f]);

  return (
    <View className='milestone-form' id='milestone-form'>
      <View className='field'>
        <View className='field__label'>
          <Text>{row.label}日期</Text>
          <Picker mode='date' value={draft.date} onChange={(e) => edit('date', String(e.detail.value))}>
            <View className='milestone-form__picker' id='milestone-date-picker'>
              {draft.date} ›
            </View>
          </Picker>
        </View>
        <ScrollView scrollX className='hscroll'>
          <View className='hscroll__inner'>
            {days.map((d) => (
              <View key={d.date} id={`milestone-date-${d.date}`} className={`chip${d.date === draft.date ? ' chip--active' : ''}`} onClick={() => edit('date', d.date)}>
                <Text>{d.label}</Text>
                <Text className='chip__sub'>{d.sub}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
        {errors.date ? (
          <View className='field__error' id='milestone-date-error'>
            {errors.date}
          </View>
        ) : null}
      </View>
      {warranty ? (
        <View className='field'>
          <View className='field__label'>谁办理的保修</View>
          <View className='chips chips--half'>
            {WARRANTY_BY.map((w) => (
              <View key={w.id} id={`warranty-by-${w.id}`} className={`chip${draft.warrantyBy === w.id ? ' chip--active' : ''}`} onClick={() => edit('warrantyBy', w.id)}>
                <Text>{w.label}</Text>
                <Text className='chip__sub'>{w.sub}</Text>
              </View>
            ))}
          </View>
          {errors.warrantyBy ? (
            <View className='field__error' id='milestone-warrantyBy-error'>
              {errors.warrantyBy}
            </View>
          ) : null}
        </View>
      ) : null}
      <TextField
        id='milestone-reason'
        label={correcting ? '修改原因' : '备注'}
        value={draft.reason}
        onChange={(v) => edit('reason', v)}
        placeholder={correcting ? '例如：录入时选错了日期' : '需要说明的情况'}
        max={200}
        error={errors.reason}
        errorId='milestone-reason-error'
        optional={!correcting}
      />
      <FailureBanner failure={placed ? null : recorder.failure} id='milestone-error' />
      <FormButtons idPrefix='milestone' submitLabel={correcting ? '保存修改' : '记录'} busy={recorder.busy} onCancel={onDone} onSubmit={() => void send(false)} />
      {correcting ? (
        <ActionButton block kind='danger' className='milestone-form__remove' id='milestone-remove' disabled={recorder.busy} onClick={() => void send(true)}>
          删除这个节点
        </ActionButton>
      ) : null}
    </View>
  );
}
