import type { ComplaintView } from '@shared/complaint/api';
import { Timeline } from '@/components/Timeline';

/** Every step of a complaint, newest first: what happened, when, who, at which department, and any note. */
export function ComplaintTimeline({ history }: { history: ComplaintView['history'] }) {
  return <Timeline id='complaint-timeline' title='处理记录' history={history} itemIdPrefix='complaint-event' where={(e) => e.departmentLabel} />;
}
