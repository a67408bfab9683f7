import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { formatCst, type Millis } from '@shared/core/time';
import { Phrases } from '@/components/Phrases';
import { deadlineLine } from '../model/deadline';
import { splitLabel } from '../model/status';
import { DeadlineText } from './DeadlineText';

const STATE_WORDS = { done: '已处理', current: '正在处理', upcoming: '待复审' } as const;
/** once a complaint has ended, the levels above it were never needed */
const ENDED_WORDS = { ...STATE_WORDS, upcoming: '无需复审' } as const;

/** Who answers for the complaint now, the answer owed and when, and the ladder it can climb. */
export function ComplaintProgress({ complaint: c, now, audience }: { complaint: ComplaintView; now: Millis; audience: 'homeowner' | 'staff' }) {
  const current = c.ladder.find((l) => l.state === 'current');
  const open = c.closedAt === null;
  return (
    <View className='card complaint-progress' id='complaint-progress'>
      <View className='card__head'>
        <Text className='card__title'>处理进度</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>当前处理</Text>
        <Text className='row__value complaint-progress__handler' id='complaint-handler'>
          <Phrases text={open && current ? current.label : '已结束'} />
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>处理人</Text>
        <Text className='row__value' id='complaint-handler-name'>
          {c.handler ? (
            <>
              <Text className='nowrap'>{c.handler.name}</Text>
              <Text className='muted nowrap'>（{c.handler.departmentLabel}）</Text>
              {audience === 'staff' && c.mine ? <Text className='tag tag--blue'>我</Text> : null}
            </>
          ) : (
            <Text className='muted'>{c.handlerLabel}，待指派到人</Text>
          )}
        </Text>
      </View>
      {c.resultBy !== null && (c.status === 'forwarded' || c.status === 'investigating') ? (
        <View className='row'>
          <Text className='row__label'>处理结果期限</Text>
          <Text className={c.resultOverdue ? 'row__value text-danger' : 'row__value'} id='complaint-result-by'>
            <Text className='nowrap'>{formatCst(c.resultBy, 'M月D日')}</Text>
            {c.resultOverdue ? <Text className='nowrap'>（已逾期）</Text> : <Text className='nowrap'> 前告知{audience === 'staff' ? '业主' : '您'}</Text>}
          </Text>
        </View>
      ) : null}
      <DeadlineText line={deadlineLine(c, now, audience)} id='complaint-deadline' />
      <View className='ladder' id='complaint-ladder'>
        {c.ladder.map((l, i) => {
          const [name, role] = splitLabel(l.label);
          return (
            <View key={`${l.department}-${i}`} className={`ladder__step ladder__step--${l.state}`} id={`ladder-step-${i}`} data-state={l.state}>
              <View className='ladder__dot'>{l.state === 'done' ? '✓' : i + 1}</View>
              <Text className='ladder__name'>{name}</Text>
              {role ? (
                <Text className='ladder__role'>
                  <Phrases text={role} />
                </Text>
              ) : null}
              <Text className='ladder__state'>{(open ? STATE_WORDS : ENDED_WORDS)[l.state]}</Text>
            </View>
          );
        })}
      </View>
      {audience === 'homeowner' && open ? (
        <Text className='muted complaint-progress__hint'>
          {c.ladder.some((l) => l.state === 'upcoming')
            ? '每一级都会在约定时间内给您答复；对处理方案不满意，可以选择不接受，投诉会交给上一级复审。'
            : '这是最后一级复审，会在约定时间内给您答复。'}
        </Text>
      ) : null}
    </View>
  );
}
