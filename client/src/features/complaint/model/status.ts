import type { ComplaintStatus } from '@shared/complaint/complaint';
import type { BadgeTone } from '@/components/BadgeIcon';

export const COMPLAINT_STATUS_TONES: Record<ComplaintStatus, BadgeTone> = {
  forwarded: 'orange',
  investigating: 'blue',
  proposed: 'green',
  closed: 'gray',
  unresolved: 'red',
};

/** Statuses as staff read them (the server's labels speak to the homeowner). */
export const STAFF_COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  forwarded: '待答复',
  investigating: '调查处理中',
  proposed: '待业主确认方案',
  closed: '已解决',
  unresolved: '未达成一致',
};

/** Homeowner-facing short labels for lists, where the server's full sentence does not fit. */
export const HOMEOWNER_COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  forwarded: '等待答复',
  investigating: '处理中',
  proposed: '待您确认方案',
  closed: '已解决',
  unresolved: '已存档',
};

export { splitLabel } from '@/lib/labels';
