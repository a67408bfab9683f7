import { useCallback, useState } from 'react';
import type { ComplaintView } from '@shared/complaint/api';
import type { ComplaintCommand } from '@shared/complaint/lifecycle';
import type { Failure } from '@shared/core/result';
import { toastDone } from '@/lib/feedback';
import { callComplaint, type ComplaintInput } from './callComplaint';

/** a step of the process, or the homeowner adding information */
export type ComplaintCommandType = ComplaintCommand['type'] | 'addInfo';

/**
 * Runs one step on a complaint (note, promise, propose, forward, accept, reject): one at a time, the
 * failure kept for the form to show in words, the updated complaint handed back to show at once.
 */
export function useComplaintCommand(onUpdated: (complaint: ComplaintView) => void) {
  const [busy, setBusy] = useState<ComplaintCommandType | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async <A extends ComplaintCommandType>(action: A, input: ComplaintInput<A>, doneText: string): Promise<boolean> => {
      setBusy(action);
      setFailure(null);
      const reply = await callComplaint(action, input);
      setBusy(null);
      if (!reply.ok) {
        setFailure(reply);
        return false;
      }
      onUpdated(reply.data.complaint);
      toastDone(doneText);
      return true;
    },
    [onUpdated],
  );

  return { busy, failure, setFailure, run };
}

export type ComplaintCommandRunner = ReturnType<typeof useComplaintCommand>;
