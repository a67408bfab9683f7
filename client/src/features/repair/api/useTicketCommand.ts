import { useCallback, useState } from 'react';
import type { Failure } from '@shared/core/result';
import type { RepairView } from '@shared/repair/api';
import type { RepairCommand } from '@shared/repair/lifecycle';
import { toastDone } from '@/lib/feedback';
import { callRepair, type RepairInput } from './callRepair';

export type CommandAction = RepairCommand['type'];

/**
 * Runs one command on a ticket (accept, schedule, …): one at a time, the failure kept for the form
 * to show in words, the updated ticket handed back so the page shows it at once.
 */
export function useTicketCommand(onUpdated: (ticket: RepairView) => void) {
  const [busy, setBusy] = useState<CommandAction | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async <A extends CommandAction>(action: A, input: RepairInput<A>, doneText: string): Promise<boolean> => {
      setBusy(action);
      setFailure(null);
      const reply = await callRepair(action, input);
      setBusy(null);
      if (!reply.ok) {
        setFailure(reply);
        return false;
      }
      onUpdated(reply.data.ticket);
      toastDone(doneText);
      return true;
    },
    [onUpdated],
  );

  /** `update`: puts a ticket another action answered (催单) on the page */
  return { busy, failure, setFailure, run, update: onUpdated };
}

export type TicketCommand = ReturnType<typeof useTicketCommand>;
