import { Text, View } from '@tarojs/components';
import type { FollowUpRow } from '@shared/project/api';
import type { FollowUpState } from '@shared/followup/followup';
import { Empty } from '@/components/StateViews';

const TONE: Record<FollowUpState, string> = {
  pending: 'tag',
  sending: 'tag tag--blue',
  sent: 'tag tag--blue',
  answered: 'tag tag--green',
  phoneTask: 'tag tag--orange',
  done: 'tag tag--green',
  cancelled: 'tag',
  expired: 'tag',
};

/** The project's follow-ups, as the plan stands, each with where it is. Ids: `#project-followups`, `#project-followup-<id>`. */
export function ProjectFollowUps({ followUps }: { followUps: readonly FollowUpRow[] }) {
  return (
    <View className='card' id='project-followups'>
      <View className='card__head'>
        <Text className='card__title'>回访计划</Text>
        <Text className='muted'>{followUps.length} 次</Text>
      </View>
      {followUps.length === 0 ? (
        <Empty title='还没有回访' text='记录订金、开工等节点后，系统会按规则安排回访' />
      ) : (
        followUps.map((f) => (
          <View key={f.id} className='row followup-row' id={`project-followup-${f.id}`} data-state={f.state}>
            <View className='followup-row__main'>
              <Text className='followup-row__label'>{f.label}</Text>
              <Text className='muted'>{f.dueDate === f.windowEnd ? f.dueDate : `${f.dueDate} ~ ${f.windowEnd}`}</Text>
            </View>
            <Text className={TONE[f.state]}>{f.stateLabel}</Text>
          </View>
        ))
      )}
    </View>
  );
}
