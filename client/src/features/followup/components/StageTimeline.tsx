import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { TimelineStep } from '@shared/followup/api';
import { foldedRange, stepState } from '../model/timeline';

const DATE_TEXT = { done: (d: string) => d, current: (d: string) => d, planned: (d: string) => `计划 ${d}`, upcoming: () => '未到' } as const;

/**
 * A project's stages, oldest first, with their dates; the latest reached is highlighted. Folded to
 * the steps around the current one until 展开 is tapped. Ids: `#stage-<projectId>-<milestone>`
 * (`data-state`: done | current | planned | upcoming), `#timeline-toggle-<projectId>`.
 */
export function StageTimeline({ projectId, steps, today }: { projectId: string; steps: readonly TimelineStep[]; today: string }) {
  const [open, setOpen] = useState(false);
  const { from, to } = open ? { from: 0, to: steps.length } : foldedRange(steps);
  const hidden = steps.length - (to - from);
  return (
    <View className='stages' id={`timeline-${projectId}`}>
      {steps.slice(from, to).map((s, i, shown) => {
        const state = stepState(s, today);
        return (
          <View
            key={s.milestone}
            id={`stage-${projectId}-${s.milestone}`}
            data-state={state}
            className={`stage stage--${state}${i === shown.length - 1 ? ' stage--last' : ''}`}
          >
            <View className='stage__dot' />
            <Text className='stage__label'>{s.label}</Text>
            <Text className='stage__date'>{s.date ? DATE_TEXT[state](s.date) : DATE_TEXT.upcoming()}</Text>
          </View>
        );
      })}
      {hidden > 0 || open ? (
        <View className='stages__toggle' id={`timeline-toggle-${projectId}`} onClick={() => setOpen(!open)}>
          {open ? '收起' : `展开全部 ${steps.length} 个节点`}
        </View>
      ) : null}
    </View>
  );
}
