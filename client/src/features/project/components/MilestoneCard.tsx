import { Fragment, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ProjectDetail } from '@shared/project/api';
import type { Milestone } from '@shared/project/project';
import type { Millis } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import type { MilestoneRecorder } from '../api/useRecordMilestone';
import { MilestoneForm } from './MilestoneForm';

interface Props {
  project: ProjectDetail;
  now: Millis;
  recorder: MilestoneRecorder;
}

/**
 * The project's milestones with their dates, and 记录 / 修改 on each one the caller may record now;
 * the form opens under its row. Ids: `#project-milestones`, `#milestone-<milestone>`,
 * `#milestone-<milestone>-record`, `#milestone-<milestone>-edit`.
 */
export function MilestoneCard({ project, now, recorder }: Props) {
  const [editing, setEditing] = useState<Milestone | null>(null);
  const open = (m: Milestone) => {
    recorder.setFailure(null);
    setEditing(m);
  };
  return (
    <View className='card' id='project-milestones'>
      <View className='card__head'>
        <Text className='card__title'>工程节点</Text>
      </View>
      {project.milestones.map((row) => (
        <Fragment key={row.milestone}>
          <View className={`milestone-row${row.date ? ' milestone-row--done' : ''}`} id={`milestone-${row.milestone}`}>
            <View className='milestone-row__main'>
              <Text className='milestone-row__label'>{row.label}</Text>
              <Text className={row.date ? 'milestone-row__date' : 'muted'}>
                {row.date ?? '未记录'}
                {row.milestone === 'warrantyRegistered' && row.date && project.warrantyRegisteredBy ? (
                  <Text className='muted'> · {project.warrantyRegisteredBy === 'homeowner' ? '业主本人办理' : '代办'}</Text>
                ) : null}
              </Text>
            </View>
            {row.recordable && editing !== row.milestone ? (
              <ActionButton
                small
                kind={row.date ? 'default' : 'primary'}
                id={`milestone-${row.milestone}-${row.date ? 'edit' : 'record'}`}
                disabled={editing !== null}
                onClick={() => open(row.milestone)}
              >
                {row.date ? '修改' : '记录'}
              </ActionButton>
            ) : null}
          </View>
          {editing === row.milestone ? (
            <MilestoneForm row={row} warrantyBy={project.warrantyRegisteredBy} now={now} recorder={recorder} onDone={() => setEditing(null)} />
          ) : null}
        </Fragment>
      ))}
    </View>
  );
}
