import { Text } from '@tarojs/components';
import type { RepairStatus } from '@shared/repair/ticket';
import { STAFF_STATUS_LABELS, STATUS_TONES } from '../model/status';

/** A ticket's status as a coloured tag: the server's words for homeowners, short ones for staff. */
export function StatusTag({ status, label, audience }: { status: RepairStatus; label: string; audience: 'homeowner' | 'staff' }) {
  return (
    <Text className={`tag tag--${STATUS_TONES[status]} status-tag status-tag--${status}`}>
      {audience === 'staff' ? STAFF_STATUS_LABELS[status] : label}
    </Text>
  );
}
