import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ProjectSummary } from '@shared/me/api';
import { MILESTONES, MILESTONE_LABELS } from '@shared/project/project';
import { ActionButton } from '@/components/ActionButton';
import { routes } from '@/lib/routes';

/** The latest milestone a project has reached, e.g. '开工 · 2026-11-11'. */
function currentStage(p: ProjectSummary): string {
  const reached = MILESTONES.filter((m) => m !== 'plannedCompletion' && p.milestones[m]);
  const last = reached[reached.length - 1];
  return last ? `${MILESTONE_LABELS[last]} · ${p.milestones[last] ?? ''}` : '尚未开始';
}

/**
 * One of the homeowner's homes, with the ways to report a problem in it or complain about it.
 * `children` (the stage timeline and what is waiting) take the place of the one-line progress.
 */
export function ProjectCard({ project: p, children }: { project: ProjectSummary; children?: ReactNode }) {
  return (
    <View className='card project-card' id={`project-card-${p.id}`}>
      <View className='card__head'>
        <Text className='card__title'>{p.name}</Text>
      </View>
      <Text className='muted'>{p.address}</Text>
      {children ? null : (
        <View className='row'>
          <Text className='row__label'>当前进度</Text>
          <Text className='row__value'>{currentStage(p)}</Text>
        </View>
      )}
      <View className='row'>
        <Text className='row__label'>项目经理</Text>
        <Text className='row__value'>{p.siteManagerName || '待分配'}</Text>
      </View>
      {children}
      <View className='row row--link' id={`site-photos-${p.id}`} hoverClass='btn--pressed' onClick={() => void Taro.navigateTo({ url: routes.siteArchive(p.id) })}>
        <Text className='row__label'>工地照片</Text>
        <Text className='row__value muted'>施工现场拍照存档 ›</Text>
      </View>
      <View className='btn-row'>
        <ActionButton id={`new-complaint-${p.id}`} onClick={() => void Taro.navigateTo({ url: routes.newComplaint(p.id) })}>
          我要投诉
        </ActionButton>
        <ActionButton kind='primary' id={`new-repair-${p.id}`} onClick={() => void Taro.navigateTo({ url: routes.newRepair(p.id) })}>
          我要报修
        </ActionButton>
      </View>
    </View>
  );
}
