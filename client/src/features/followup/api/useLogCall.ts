import { useCallback, useState } from 'react';
import type { Failure } from '@shared/core/result';
import type { FollowUpReplies } from '@shared/followup/api';
import type { CallOutcome } from '@shared/followup/followup';
import { toastDone } from '@/lib/feedback';
import { callFollowUp, type FollowUpInput } from './callFollowUp';

export type LoggedCall = FollowUpReplies['logCall'];

/** Logs what came of one call: one outcome at a time, the failure kept (and returned), what it did handed back. */
export function useLogCall(followUpId: string) {
  const [busy, setBusy] = useState<CallOutcome | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [logged, setLogged] = useState<(LoggedCall & { outcome: CallOutcome }) | null>(null);

  const log = useCallback(
    async (input: Omit<FollowUpInput<'logCall'>, 'followUpId'>): Promise<Failure | null> => {
      setBusy(input.outcome);
      setFailure(null);
      const reply = await callFollowUp('logCall', { ...input, followUpId });
      setBusy(null);
      if (!reply.ok) {
        setFailure(reply);
        return reply;
      }
      setLogged({ ...reply.data, outcome: input.outcome });
      toastDone('已记录');
      return null;
    },
    [followUpId],
  );

  return { busy, failure, setFailure, logged, log };
}

export type CallLogger = ReturnType<typeof useLogCall>;
