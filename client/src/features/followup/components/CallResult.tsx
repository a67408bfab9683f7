import { Text, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@shared/complaint/categories';
import { DEPARTMENT_LABELS, type Department } from '@shared/core/roles';
import { CALL_OUTCOME_LABELS, FOLLOW_UP_STATE_LABELS } from '@shared/followup/followup';
import { refText } from '@shared/core/refs';
import { formatCst } from '@shared/core/time';
import { ActionButton } from '@/components/ActionButton';
import { BadgeIcon } from '@/components/BadgeIcon';
import type { useLogCall } from '../api/useLogCall';

type Logged = NonNullable<ReturnType<typeof useLogCall>['logged']>;

const categoryLabel = (c: string) => COMPLAINT_CATEGORY_LABELS[c as ComplaintCategory] ?? c;
const departmentLabel = (d: string) => DEPARTMENT_LABELS[d as Department] ?? d;

/**
 * What the logged call did: the follow-up's new state, when to call again, and the complaints the
 * answers opened. Ids: `#call-result`, `#call-complaint-<id>`, `#call-back`.
 */
export function CallResult({ logged, onOpenComplaint, onOpenRepair, onBack }: { logged: Logged; onOpenComplaint: (id: string) => void; onOpenRepair: (id: string) => void; onBack: () => void }) {
  const { task, complaints, repairs, outcome } = logged;
  return (
    <View className='card' id='call-result'>
      <View className='call-result__head'>
        <BadgeIcon char='✓' />
        <View className='call-result__text'>
          <Text className='card__title'>{CALL_OUTCOME_LABELS[outcome]}</Text>
          <Text className='muted'>
            <Text className='nowrap'>回访状态：{FOLLOW_UP_STATE_LABELS[task.state]}</Text>
            {task.callAt !== null && task.state === 'phoneTask' ? (
              <>
                {' · '}
                <Text className='nowrap'>下次拨打 {formatCst(task.callAt, 'M月D日 HH:mm')}</Text>
              </>
            ) : null}
          </Text>
        </View>
      </View>
      {complaints.length ? (
        <View className='call-result__complaints' id='call-complaints'>
          <Text className='field__label'>已自动登记投诉 {complaints.length} 条</Text>
          {complaints.map((c) => (
            <View key={c.id} className='opened-complaint' id={`call-complaint-${c.id}`} hoverClass='btn--pressed' onClick={() => onOpenComplaint(c.id)}>
              <View className='opened-complaint__body'>
                <Text className='opened-complaint__category'>{categoryLabel(c.category)}</Text>
                <Text className='muted opened-complaint__ref'>{refText(c.ref)}</Text>
                <Text className='opened-complaint__reply' id={`call-complaint-reply-${c.id}`}>
                  请告诉客户：<Text className='nowrap'>{c.handlerLabel || departmentLabel(c.department)}</Text> 会在{' '}
                  <Text className='nowrap'>{formatCst(c.replyBy, 'M月D日 HH:mm')}</Text> 前答复
                </Text>
              </View>
              <Text className='entry-cell__chevron'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {repairs.length ? (
        <View className='call-result__complaints' id='call-repairs'>
          <Text className='field__label'>已登记维修 {repairs.length} 单（客服跟进到修好）</Text>
          {repairs.map((r) => (
            <View key={r.id} className='opened-complaint' id={`call-repair-${r.id}`} hoverClass='btn--pressed' onClick={() => onOpenRepair(r.id)}>
              <View className='opened-complaint__body'>
                <Text className='opened-complaint__category'>{r.categoryLabel}</Text>
                <Text className='muted'>{r.onSiteHours} 小时内上门，已通知项目经理和部门经理</Text>
              </View>
              <Text className='entry-cell__chevron'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      <ActionButton block kind='primary' id='call-back' onClick={onBack}>
        返回回访列表
      </ActionButton>
    </View>
  );
}
