import { Text, View } from '@tarojs/components';
import type { ComplaintSummary } from '@shared/complaint/api';
import { refText } from '@shared/core/refs';
import { formatCst, type Millis } from '@shared/core/time';
import { Phrases } from '@/components/Phrases';
import { deadlineLine } from '../model/deadline';
import { splitLabel } from '../model/status';
import { ComplaintStatusTag } from './ComplaintStatusTag';
import { DeadlineText } from './DeadlineText';

interface Props {
  complaint: ComplaintSummary;
  audience: 'homeowner' | 'staff';
  now: Millis;
  onOpen: (id: string) => void;
}

/** One complaint in a list: what about, where, who has it, and the answer owed now. */
export function ComplaintCard({ complaint: c, audience, now, onOpen }: Props) {
  const line = deadlineLine(c, now, audience);
  const late = line.tone === 'overdue';
  return (
    <View className={`card complaint-card${late ? ' complaint-card--overdue' : ''}`} id={`complaint-card-${c.id}`} hoverClass='btn--pressed' onClick={() => onOpen(c.id)}>
      <View className='card__head'>
        <View className='complaint-card__title'>
          <Text className='complaint-card__category'>{splitLabel(c.categoryLabel)[0]}</Text>
          {c.isRepeat ? <Text className='tag tag--red complaint-card__repeat'>重复投诉</Text> : null}
          {audience === 'staff' && late ? <Text className='tag tag--red complaint-card__repeat'>已超时</Text> : null}
          {audience === 'staff' && c.resultOverdue ? <Text className='tag tag--red complaint-card__repeat'>处理结果已逾期</Text> : null}
        </View>
        <ComplaintStatusTag status={c.status} audience={audience} />
      </View>
      <Text className='muted ref complaint-card__ref'>{refText(c.ref)}</Text>
      <Text className='complaint-card__desc'>{c.description}</Text>
      <View className='complaint-card__meta'>
        <Text className='muted complaint-card__where'>
          {c.projectName || '未关联房屋'} · <Text className='nowrap complaint-card__handler'>{c.handlerLabel}</Text>
          {c.level > 0 ? <Phrases text={`（第 ${c.level} 次复审）`} /> : null}
        </Text>
        <Text className='muted complaint-card__date'>{formatCst(c.receivedAt, 'MM-DD HH:mm')}</Text>
      </View>
      <View className='complaint-card__deadline'>
        <DeadlineText line={line} />
      </View>
    </View>
  );
}
