import type { RepairStatus } from '@shared/repair/ticket';

export type Tone = 'orange' | 'blue' | 'green' | 'red' | 'gray';

export const STATUS_TONES: Record<RepairStatus, Tone> = {
  submitted: 'orange',
  accepted: 'blue',
  scheduled: 'blue',
  onSite: 'blue',
  resolved: 'green',
  confirmed: 'gray',
  reopened: 'red',
  cancelled: 'gray',
};

/** Statuses as the site manager reads them (the server's labels speak to the homeowner). */
export const STAFF_STATUS_LABELS: Record<RepairStatus, string> = {
  submitted: '待接单',
  accepted: '已接单，待约时间',
  scheduled: '已约上门',
  onSite: '已到现场',
  resolved: '待业主确认',
  confirmed: '业主已确认',
  reopened: '业主重新报修',
  cancelled: '业主已取消',
};
