import { Text } from '@tarojs/components';
import { formatCst, type Millis } from '@shared/core/time';
import { Phrases } from '@/components/Phrases';
import { timeLeft } from '@/lib/timeLeft';

/** The next deadline of a ticket: when it is due (CST) and how long is left, red once past. */
export function Countdown({ dueAt, overdue, now }: { dueAt: Millis | null; overdue: boolean; now: Millis }) {
  if (dueAt === null) return null;
  const left = timeLeft(dueAt, now);
  const late = overdue || left.overdue;
  const cls = late ? 'countdown countdown--overdue' : left.soon ? 'countdown countdown--soon' : 'countdown';
  return (
    <Text className={cls}>
      <Phrases text={late && !left.overdue ? '已超时' : left.text} />
      <Text className='countdown__due'>
        {' · '}
        <Text className='nowrap'>{formatCst(dueAt, 'MM-DD HH:mm')} 前</Text>
      </Text>
    </Text>
  );
}
