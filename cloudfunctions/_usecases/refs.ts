import { nextRef, type RefKind } from '@shared/core/refs';
import type { Millis } from '@shared/core/time';
import type { Transaction } from '../_platform/database';
import type { Stores } from '../_platform/stores';

/**
 * Gives out the next reference number of its kind for the CST day of `now`, inside the transaction
 * that stores the record it names: the day's counter (`counters/<prefix>-<YYYYMMDD>`) is read and
 * written in that transaction, so two records made at once cannot get the same number (one of the two
 * transactions conflicts and runs again), and a record that is not stored uses up no number.
 */
export async function allocateRef(store: Stores, tx: Transaction, kind: RefKind, now: Millis): Promise<string> {
  const counters = store.counters.within(tx);
  const id = nextRef(null, kind, now).counter._id;
  const { counter, ref } = nextRef(await counters.get(id), kind, now);
  await counters.put(counter);
  return ref;
}
