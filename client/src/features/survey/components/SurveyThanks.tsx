import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { OpenedComplaint, OpenedRepair } from '@shared/survey/api';
import { ActionButton } from '@/components/ActionButton';
import { BadgeIcon } from '@/components/BadgeIcon';

interface Props {
  complaints: readonly OpenedComplaint[];
  /** repairs opened for what needs fixing (DOMAIN §11) */
  repairs: readonly OpenedRepair[];
  onOpenComplaint: (id: string) => void;
  onOpenRepair: (id: string) => void;
  onOpenComplaints: () => void;
  onHome: () => void;
  /** e.g. the offer to be reminded of the next follow-up */
  children?: ReactNode;
}

/** After 提交: thanks, and each problem reported, opened as a complaint, with who handles it. */
export function SurveyThanks({ complaints, repairs, onOpenComplaint, onOpenRepair, onOpenComplaints, onHome, children }: Props) {
  return (
    <View id='survey-thanks'>
      <View className='state survey-thanks__head'>
        <BadgeIcon char='✓' className='state__icon' />
        <Text className='state__title'>感谢您的反馈</Text>
        <Text className='state__text'>{complaints.length || repairs.length ? '您反映的问题我们已经登记，今天就转给负责的部门处理' : '您的回答已提交，我们会继续做好服务'}</Text>
      </View>
      {repairs.length ? (
        <View className='card' id='survey-repairs'>
          <View className='card__head'>
            <Text className='card__title'>已为您登记维修</Text>
          </View>
          {repairs.map((r) => (
            <View key={r.id} className='opened-complaint' id={`survey-repair-${r.id}`} hoverClass='btn--pressed' onClick={() => onOpenRepair(r.id)}>
              <View className='opened-complaint__body'>
                <Text className='opened-complaint__category'>{r.categoryLabel}</Text>
                <Text className='muted'>
                  项目经理 {r.contactHours} 小时内联系您约定时间，{r.onSiteHours} 小时内上门；客服会跟进到修好为止
                </Text>
              </View>
              <Text className='entry-cell__chevron'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {complaints.length ? (
        <View className='card' id='survey-complaints'>
          <View className='card__head'>
            <Text className='card__title'>已为您登记投诉</Text>
          </View>
          {complaints.map((c) => (
            <View key={c.id} className='opened-complaint' id={`survey-complaint-${c.id}`} hoverClass='btn--pressed' onClick={() => onOpenComplaint(c.id)}>
              <View className='opened-complaint__body'>
                <Text className='opened-complaint__category'>{c.categoryLabel}</Text>
                <Text className='muted'>由 {c.departmentLabel} 处理，会在承诺时间内答复您</Text>
              </View>
              <Text className='entry-cell__chevron'>›</Text>
            </View>
          ))}
          <ActionButton block kind='ghost' id='survey-my-complaints' onClick={onOpenComplaints}>
            查看我的投诉
          </ActionButton>
        </View>
      ) : null}
      {children}
      <ActionButton block kind='primary' id='survey-home' onClick={onHome}>
        返回首页
      </ActionButton>
    </View>
  );
}
