import { Text, View } from '@tarojs/components';
import type { RepairSummary } from '@shared/repair/api';
import { refText } from '@shared/core/refs';
import { formatCst, type Millis } from '@shared/core/time';
import { Countdown } from './Countdown';
import { StatusTag } from './StatusTag';

interface Props {
  ticket: RepairSummary & { siteManagerName?: string };
  audience: 'homeowner' | 'staff';
  now: Millis;
  onOpen: (id: string) => void;
}

/** One ticket in a list: what, where, its status and the next promise with the time left. */
export function TicketCard({ ticket: t, audience, now, onOpen }: Props) {
  const overdue = t.overdue.length > 0 || (t.nextDeadlineAt !== null && t.nextDeadlineAt < now);
  return (
    <View
      className={`card ticket-card${overdue ? ' ticket-card--overdue' : ''}`}
      id={`ticket-${t.id}`}
      hoverClass='btn--pressed'
      onClick={() => onOpen(t.id)}
    >
      <View className='card__head card__head--wrap'>
        <Text className='ticket-card__category'>{t.categoryLabel}</Text>
        <StatusTag status={t.status} label={t.statusLabel} audience={audience} />
      </View>
      <Text className='muted ref ticket-card__ref'>{refText(t.ref)}</Text>
      <Text className='ticket-card__desc'>{t.description}</Text>
      <View className='ticket-card__meta'>
        <Text className='muted ticket-card__home'>{t.projectName}</Text>
        <Text className='muted ticket-card__date'>报修于 {formatCst(t.createdAt, 'MM-DD HH:mm')}</Text>
      </View>
      {t.siteManagerName ? (
        <Text className='muted ticket-card__manager'>
          项目经理 <Text className='nowrap'>{t.siteManagerName}</Text>
        </Text>
      ) : null}
      {t.visitAt !== null ? (
        <Text className='ticket-card__visit'>
          约定上门：<Text className='nowrap'>{formatCst(t.visitAt, 'MM-DD HH:mm')}</Text>
        </Text>
      ) : null}
      {t.nextDeadlineAt !== null ? (
        <View className='ticket-card__deadline'>
          <Countdown dueAt={t.nextDeadlineAt} overdue={overdue} now={now} />
        </View>
      ) : null}
    </View>
  );
}
