import { Text } from '@tarojs/components';
import type { ComplaintStatus } from '@shared/complaint/complaint';
import { COMPLAINT_STATUS_TONES, HOMEOWNER_COMPLAINT_STATUS_LABELS, STAFF_COMPLAINT_STATUS_LABELS } from '../model/status';

/** A complaint's status as a coloured tag, in the words of its reader. */
export function ComplaintStatusTag({ status, audience }: { status: ComplaintStatus; audience: 'homeowner' | 'staff' }) {
  const label = audience === 'staff' ? STAFF_COMPLAINT_STATUS_LABELS[status] : HOMEOWNER_COMPLAINT_STATUS_LABELS[status];
  return <Text className={`tag tag--${COMPLAINT_STATUS_TONES[status]} status-tag complaint-status--${status}`}>{label}</Text>;
}
