import { useState } from 'react';
import type { Failure } from '@shared/core/result';
import type { SubscriptionState } from '@shared/followup/api';
import { toastDone } from '@/lib/feedback';
import { askForSubscriptions, MAX_TEMPLATES_PER_ASK } from '../api/askForSubscriptions';
import { reportSubscriptions } from '../api/subscriptions';

/** What came of the last ask: how many templates were accepted (0: declined), or nothing asked yet. */
export type AskOutcome = { accepted: number } | null;

/**
 * Asking for subscription messages from a tap: the templates (at most three) go to WeChat (or the
 * H5 stand-in) at once, inside the tap, then what the homeowner chose goes to `followup.subscribed`.
 */
export function useSubscribe(initial: SubscriptionState[]) {
  const [subscriptions, setSubscriptions] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [outcome, setOutcome] = useState<AskOutcome>(null);

  /** Call straight from a tap handler: WeChat shows its dialog only for a tap. */
  const ask = (templates: SubscriptionState[] = subscriptions) => {
    const asked = templates.slice(0, MAX_TEMPLATES_PER_ASK);
    const pending = askForSubscriptions(
      asked.map((t) => t.templateId),
      Object.fromEntries(asked.map((t) => [t.templateId, t.label])),
    );
    setBusy(true);
    setFailure(null);
    void pending.then(async (results) => {
      if (Object.keys(results).length === 0) {
        setBusy(false);
        return;
      }
      const reply = await reportSubscriptions(results);
      setBusy(false);
      if (!reply.ok) return setFailure(reply);
      // the card keeps showing the templates it offers (the reply lists every template of the caller)
      const shown = new Set(subscriptions.map((t) => t.templateId));
      setSubscriptions(reply.data.subscriptions.filter((t) => shown.has(t.templateId)));
      const accepted = Object.values(results).filter((r) => r === 'accept').length;
      setOutcome({ accepted });
      if (accepted > 0) toastDone('已开启提醒');
    });
  };

  return { subscriptions, setSubscriptions, busy, failure, outcome, ask };
}
