import type { RepairView } from '@shared/repair/api';
import { Timeline as History } from '@/components/Timeline';

/** Every status change of a ticket, newest first, with who did it and any note. */
export function Timeline({ history }: { history: RepairView['history'] }) {
  return <History id='repair-timeline' title='处理进度' history={history} />;
}
