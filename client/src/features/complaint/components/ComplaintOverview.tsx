import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@shared/complaint/api';
import { refText } from '@shared/core/refs';
import { formatCst } from '@shared/core/time';
import { PhotoGrid } from '@/features/photos';
import { ComplaintStatusTag } from './ComplaintStatusTag';

function Row({ label, value, id }: { label: string; value: ReactNode; id?: string }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value' id={id}>
        {value}
      </Text>
    </View>
  );
}

/** '项目经理 张建国', wrapping between the role and the name, never inside either. */
function StaffName({ role, name }: { role: string; name: string }) {
  if (!name || name === role) return <Text className='nowrap'>{role}</Text>;
  return (
    <>
      <Text className='nowrap'>{role}</Text> <Text className='nowrap'>{name}</Text>
    </>
  );
}

/** The head of a complaint: its status, what it is about, where, whom it names, the photos. */
export function ComplaintOverview({ complaint: c, audience }: { complaint: ComplaintView; audience: 'homeowner' | 'staff' }) {
  return (
    <View className='card complaint-overview' id='complaint-overview'>
      <View className='card__head card__head--wrap'>
        <Text className='card__title'>{c.categoryLabel}</Text>
        <View id='complaint-status'>
          <ComplaintStatusTag status={c.status} audience={audience} />
        </View>
      </View>
      {c.isRepeat ? (
        <View className='banner banner--warn' id='complaint-repeat'>
          {audience === 'staff' ? '重复投诉：同一业主近期已就同类问题投诉过，请优先处理' : '您之前反映过同类问题，这次会优先处理'}
        </View>
      ) : null}
      <Text className='complaint-overview__desc pre-wrap'>{c.description}</Text>
      <PhotoGrid fileIds={c.photos} />
      {c.remedy ? <Row label={audience === 'staff' ? '业主希望' : '您希望'} value={c.remedy} id='complaint-remedy' /> : null}
      <Row label='房屋' value={c.projectName || '未关联房屋'} />
      {c.staff ? <Row label='被投诉人员' value={<StaffName role={c.staff.roleLabel} name={c.staff.name} />} id='complaint-staff' /> : null}
      <Row label='投诉渠道' value={c.channelLabel} />
      {c.firstOwnerName ? <Row label='首问负责人' value={<Text className='nowrap'>{c.firstOwnerName}</Text>} /> : null}
      <Row label='投诉时间' value={<Text className='nowrap'>{formatCst(c.receivedAt)}</Text>} />
      <Row label='投诉编号' value={<Text className='nowrap ref'>{refText(c.ref)}</Text>} id='complaint-ref' />
    </View>
  );
}
