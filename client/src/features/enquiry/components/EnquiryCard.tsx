import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { EnquirySummary } from '@shared/enquiry/api';
import { refText } from '@shared/core/refs';
import { formatCst, type Millis } from '@shared/core/time';
import { replyLine } from '../model/replyLine';

interface Props {
  enquiry: EnquirySummary;
  audience: 'homeowner' | 'staff';
  now: Millis;
  /** highlighted: the one a notice opened */
  focused?: boolean;
  /** below the card's text: the desk's reply form */
  children?: ReactNode;
}

/** One request: what kind, its reference, what was asked, and the answer or when it is due. */
export function EnquiryCard({ enquiry: e, audience, now, focused, children }: Props) {
  const line = replyLine(e, now, audience);
  return (
    <View className={`card enquiry-card${line.tone === 'overdue' ? ' enquiry-card--overdue' : ''}${focused ? ' enquiry-card--focused' : ''}`} id={`enquiry-card-${e.id}`}>
      <View className='card__head'>
        <View className='enquiry-card__title'>
          <Text className='enquiry-card__kind'>{e.kindLabel}</Text>
          {e.channel === 'phone' ? <Text className='tag tag--blue'>电话登记</Text> : null}
          {audience === 'staff' && line.tone === 'overdue' ? <Text className='tag tag--red enquiry-card__late'>已超时</Text> : null}
        </View>
        <Text className={`tag ${e.status === 'answered' ? 'tag--green' : 'tag--orange'} enquiry-status`}>{e.statusLabel}</Text>
      </View>
      <Text className='muted ref'>{refText(e.ref)}</Text>
      {audience === 'staff' ? (
        <Text className='enquiry-card__who' id={`enquiry-who-${e.id}`}>
          <Text className='nowrap'>{e.homeowner.name}</Text> <Text className='nowrap muted'>{e.homeowner.phone}</Text>
        </Text>
      ) : null}
      <Text className='enquiry-card__text'>{e.text}</Text>
      <Text className='muted enquiry-card__meta'>
        {e.projectName || '未关联房屋'} · {formatCst(e.receivedAt, 'M月D日 HH:mm')} 收到
      </Text>
      {e.reply ? (
        <View className='enquiry-reply' id={`enquiry-reply-${e.id}`}>
          <Text className='enquiry-reply__by'>{e.reply.byName}的回复</Text>
          <Text className='enquiry-reply__text'>{e.reply.text}</Text>
        </View>
      ) : null}
      <Text className={`enquiry-card__due enquiry-card__due--${line.tone}`} id={`enquiry-due-${e.id}`}>
        {line.text}
      </Text>
      {children}
    </View>
  );
}
