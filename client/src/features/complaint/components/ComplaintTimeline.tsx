import type { ComplaintView } from '@shared/complaint/api';
import { Timeline } from '@/components/Timeline';
import { PhotoGrid } from '@/features/photos';

/** Every step of a complaint, newest first: what happened, when, who, at which department, and any note. */
export function ComplaintTimeline({ history }: { history: ComplaintView['history'] }) {
  return (
    <Timeline
      id='complaint-timeline'
      title='处理记录'
      history={history}
      itemIdPrefix='complaint-event'
      where={(e) => e.departmentLabel}
      extra={(e) => (e.photos ? <PhotoGrid fileIds={e.photos} /> : null)}
    />
  );
}
