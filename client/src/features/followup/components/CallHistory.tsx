import type { CallAttempt } from '@shared/followup/followup';
import { CALL_OUTCOME_LABELS } from '@shared/followup/followup';
import { formatCst } from '@shared/core/time';
import { Timeline } from '@/components/Timeline';

/** Earlier calls on this follow-up, newest first. Items: `#call-attempt-<i>` (0 = first). */
export function CallHistory({ attempts }: { attempts: readonly CallAttempt[] }) {
  if (attempts.length === 0) return null;
  const events = attempts.map((a) => ({
    type: a.outcome,
    label: CALL_OUTCOME_LABELS[a.outcome],
    at: a.at,
    byName: a.byName,
    note: [a.callAt !== null ? `约定 ${formatCst(a.callAt, 'M月D日 HH:mm')} 再打` : '', a.note].filter(Boolean).join('\n') || undefined,
  }));
  return <Timeline id='call-history' title='拨打记录' history={events} itemIdPrefix='call-attempt' />;
}
