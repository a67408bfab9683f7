import type { Database } from '../../cloudfunctions/_platform/database';

/**
 * Database operations as CloudBase would bill and time them: each read (`get`, `count`) and each
 * write (`set`, `update`, `add`, `remove`, `delete`) is one round trip to the server, inside a
 * transaction or not; a transaction is counted once more for itself.
 */
export interface DatabaseCounts {
  reads: number;
  writes: number;
  transactions: number;
}

const READS = new Set(['get', 'count']);
const WRITES = new Set(['set', 'update', 'add', 'remove', 'delete']);
/** builders that give back another object whose operations count too */
const CHAINS = new Set(['collection', 'doc', 'where', 'orderBy', 'skip', 'limit', 'field']);

/** The same database, counting every operation made through it (for tests and benchmarks). */
export function countingDatabase(db: Database): { db: Database; counts: DatabaseCounts; reset(): void } {
  const counts: DatabaseCounts = { reads: 0, writes: 0, transactions: 0 };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        if (prop === 'runTransaction') {
          return (work: (tx: object) => Promise<unknown>) => {
            counts.transactions++;
            return value.call(t, (tx: object) => work(wrap(tx)));
          };
        }
        return (...args: unknown[]) => {
          if (READS.has(prop)) counts.reads++;
          if (WRITES.has(prop)) counts.writes++;
          const result = value.apply(t, args);
          return CHAINS.has(prop) && typeof result === 'object' && result !== null ? wrap(result) : result;
        };
      },
    });
  return {
    db: wrap(db),
    counts,
    reset() {
      counts.reads = 0;
      counts.writes = 0;
      counts.transactions = 0;
    },
  };
}
