import { Text, View } from '@tarojs/components';
import type { RepairView } from '@shared/repair/api';
import { refText } from '@shared/core/refs';
import { formatCst } from '@shared/core/time';
import { PhotoGrid } from '@/features/photos';
import { StatusTag } from './StatusTag';

/** The head of a ticket: its status, what is broken and where, with the homeowner's photos. */
export function TicketOverview({ ticket: t, audience }: { ticket: RepairView; audience: 'homeowner' | 'staff' }) {
  return (
    <View className='card ticket-overview' id='repair-overview'>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{t.categoryLabel}</Text>
        <StatusTag status={t.status} label={t.statusLabel} audience={audience} />
      </View>
      <Text className='ticket-overview__desc pre-wrap'>{t.description}</Text>
      <PhotoGrid fileIds={t.photos} />
      <View className='row'>
        <Text className='row__label'>房屋</Text>
        <Text className='row__value'>{t.projectName}</Text>
      </View>
      {audience === 'staff' ? (
        <View className='row'>
          <Text className='row__label'>地址</Text>
          <Text className='row__value'>{t.address}</Text>
        </View>
      ) : null}
      <View className='row'>
        <Text className='row__label'>报修时间</Text>
        <Text className='row__value nowrap'>{formatCst(t.createdAt)}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>报修单号</Text>
        <Text className='row__value nowrap ref' id='repair-ref'>
          {refText(t.ref)}
        </Text>
      </View>
    </View>
  );
}
