import { Text, View } from '@tarojs/components';
import type { PhoneTaskSummary } from '@shared/followup/api';
import { formatCst, type Millis } from '@shared/core/time';

/** One call to make: who, which follow-up, why it is a call, and when it is due. Id: `#call-task-<id>`. */
export function PhoneTaskCard({ task: t, now, onOpen }: { task: PhoneTaskSummary; now: Millis; onOpen: (id: string) => void }) {
  const due = t.callAt !== null && t.callAt <= now;
  return (
    <View className={`card phone-task${due ? ' phone-task--due' : ''}`} id={`call-task-${t.id}`} hoverClass='btn--pressed' onClick={() => onOpen(t.id)}>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{t.label}</Text>
        {t.callAt !== null ? (
          <Text className={due ? 'tag tag--orange' : 'tag tag--blue'}>{due ? '现在可拨打' : `约 ${formatCst(t.callAt, 'M月D日 HH:mm')}`}</Text>
        ) : null}
      </View>
      <View className='phone-task__who'>
        <Text className='phone-task__name'>{t.homeownerName}</Text>
        <Text className='phone-task__phone'>{t.homeownerPhone}</Text>
      </View>
      <Text className='muted'>{t.projectName}</Text>
      {t.priority ? (
        <Text className='tag tag--red phone-task__priority' id={`call-task-priority-${t.id}`}>
          {t.priorityLabel}
        </Text>
      ) : null}
      <View className='phone-task__meta'>
        <Text className='phone-task__reason'>{t.reasonLabel || '需电话回访'}</Text>
        {t.attempts > 0 ? <Text className='muted nowrap'>已拨 {t.attempts} 次</Text> : null}
      </View>
    </View>
  );
}
