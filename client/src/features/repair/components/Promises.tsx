import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { formatCst, type Millis } from '@shared/core/time';
import { Phrases } from '@/components/Phrases';
import { promiseRows } from '../model/promises';

/** 服务承诺: contact and on-site deadlines as CST times, with what became of each. */
export function Promises({ ticket, now, audience }: { ticket: RepairView; now: Millis; audience: 'homeowner' | 'staff' }) {
  const rows = promiseRows(ticket, now, audience);
  return (
    <View className='card promises' id='repair-promises'>
      <View className='card__head'>
        <Text className='card__title'>服务承诺</Text>
        {ticket.reopenCount > 0 ? <Text className='tag tag--red'>第 {ticket.reopenCount} 次重新报修</Text> : null}
      </View>
      {rows.map((r) => (
        <View key={r.kind} className={`promise promise--${r.tone}`} id={`promise-${r.kind}`}>
          <View className='promise__main'>
            <Text className='promise__title'>
              <Phrases text={r.title} />
            </Text>
            <Text className='promise__due'>
              <Phrases text={r.dueText} />
            </Text>
          </View>
          <Text className='promise__state'>
            <Phrases text={r.stateText} />
          </Text>
        </View>
      ))}
      <View className='row'>
        <Text className='row__label'>{audience === 'homeowner' ? '您希望的上门时间' : '业主希望的时间'}</Text>
        <Text className='row__value'>
          <Phrases text={ticket.preferredVisitLabel} />
        </Text>
      </View>
      {ticket.visitAt !== null ? (
        <View className='row'>
          <Text className='row__label'>约定上门时间</Text>
          <Text className='row__value text-ok nowrap' id='repair-visit-at'>
            {formatCst(ticket.visitAt)}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
