import type { Database } from '../cloudfunctions/_platform/database';
import type { Clock, Messenger, SendOutcome, SubscribeMessage } from '../cloudfunctions/_platform/ports';

/**
 * The local stand-in for WeChat's subscribeMessage.send: every message lands in the `outbox`
 * collection, which the local host shows. Keyed by the idempotency key, so a retry stores nothing new.
 */
export function outboxMessenger(db: Database, clock: Clock): Messenger {
  return {
    async send(message: SubscribeMessage, idempotencyKey: string): Promise<SendOutcome> {
      await db.runTransaction(async (tx) => {
        const ref = tx.collection('outbox').doc(idempotencyKey);
        if ((await ref.get()).data) return;
        await ref.set({ ...message, sentAt: clock.now() });
      });
      return { sent: true };
    },
  };
}
