import { fail, ok } from '@shared/core/result';
import type { ContactLedger } from '@shared/followup/credits';
import type { Stores } from '../_platform/stores';

/** How often a change of the ledger is tried again when another writer changed it in between. */
const ATTEMPTS = 5;
const ALREADY_THERE = fail('CONTACTS.EXISTS', '联系记录已存在');

/**
 * Changes a homeowner's contact ledger (`contacts/<homeownerId>`) the way the dispatcher claims a send:
 * only over the version that was read. A grant or a 43101 that races a claim therefore never stores
 * over it; it reads again and applies itself to the ledger the claim left. `change` answers the new
 * ledger, or the one it was given when there is nothing to change. Answers the ledger as stored.
 */
export async function changeContactLedger(
  store: Stores,
  homeownerId: string,
  change: (current: ContactLedger | null) => ContactLedger | null,
): Promise<ContactLedger | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.contacts.get(homeownerId);
    const next = change(current);
    if (next === null || next === current) return current;
    const stored = current
      ? await store.contacts.replaceIf({ version: current.version }, next)
      : (await store.transaction((tx) => store.contacts.within(tx).modify(homeownerId, (found) => (found ? ALREADY_THERE : ok(next))))).ok;
    if (stored) return next;
  }
  throw new Error(`contacts/${homeownerId} kept changing while it was being updated`);
}
