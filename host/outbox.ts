import type { Database } from '../cloudfunctions/_platform/database';
import type { Clock, Messenger, SendOutcome, SmsMessage, SmsSender, SubscribeMessage } from '../cloudfunctions/_platform/ports';

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

/**
 * The local stand-in for the SMS provider: every text lands in the `smsOutbox` collection, keyed by
 * the idempotency key, so a retry stores nothing new.
 */
export function smsOutbox(db: Database, clock: Clock): SmsSender {
  return {
    async send(message: SmsMessage, idempotencyKey: string): Promise<SendOutcome> {
      await db.runTransaction(async (tx) => {
        const ref = tx.collection('smsOutbox').doc(idempotencyKey);
        if ((await ref.get()).data) return;
        await ref.set({ ...message, sentAt: clock.now() });
      });
      return { sent: true };
    },
  };
}
