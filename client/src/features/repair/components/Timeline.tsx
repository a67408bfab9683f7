import type { RepairView } from '@shared/repair/api';
import { Timeline as History } from '@/components/Timeline';
import { PhotoGrid } from '@/features/photos';

/** Every status change of a ticket, newest first, with who did it, any note and the photos the homeowner added. */
export function Timeline({ history }: { history: RepairView['history'] }) {
  return <History id='repair-timeline' title='处理进度' history={history} itemIdPrefix='repair-event' extra={(e) => (e.photos ? <PhotoGrid fileIds={e.photos} /> : null)} />;
}
