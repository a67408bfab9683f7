/**
 * The embedded document database: the local stand-in for CloudBase's `app.database()`, on SQLite.
 * tests/contract pins its semantics against the real thing. See database.ts for the interface.
 *
 *   const db = openEmbeddedDatabase('.data/huifang.sqlite'); // or ':memory:'
 *   const _ = db.command;
 *   await db.collection('todos').where({ done: false, due: _.lt(now) }).orderBy('due', 'asc').get();
 *
 * Errors are thrown (rejected) as DatabaseError with the SDK's codes: INVALID_PARAM for bad arguments
 * (e.g. `_id` in update data), DATABASE_DUPLICATE_WRITE for an `add` whose `_id` is taken,
 * DATABASE_REQUEST_FAILED for updates MongoDB would refuse, DATABASE_TRANSACTION_CONFLICT when a
 * transaction keeps colliding with plain writes. Builders (`where`, `orderBy`, ...) throw synchronously.
 */
import type { Database } from '../../cloudfunctions/_platform/database';
import { command, type Commands } from './commands';
import { EmbeddedCollection } from './query';
import { Store } from './store';
import { transactionRunner, type RunTransaction } from './transaction';
import { invalidParam } from './values';

export { command } from './commands';
export type { Commands } from './commands';

export interface EmbeddedDatabase extends Database {
  collection(name: string): EmbeddedCollection;
  readonly command: Commands;
  runTransaction: RunTransaction;
  /** the SQLite file, or ':memory:' */
  readonly file: string;
  /** Closes the SQLite connection; the database cannot be used afterwards. */
  close(): void;
}

/**
 * Opens (creating when missing) the database in the SQLite file `file`; `':memory:'` for a private
 * in-memory one. One process should hold a file open once; collections are created on first use.
 */
export function openEmbeddedDatabase(file: string): EmbeddedDatabase {
  const store = new Store(file);
  const collections = new Map<string, EmbeddedCollection>();
  return {
    file,
    command,
    collection(name: string): EmbeddedCollection {
      if (typeof name !== 'string' || name === '') throw invalidParam('Collection name is required');
      let coll = collections.get(name);
      if (!coll) {
        store.ensure(name);
        coll = new EmbeddedCollection(store, name);
        collections.set(name, coll);
      }
      return coll;
    },
    runTransaction: transactionRunner(store),
    close: () => store.close(),
  };
}
