/**
 * `runTransaction`: the callback's writes are buffered (and read back by the callback), then applied in
 * one SQLite transaction when it resolves; nothing is written if it throws or calls `tx.rollback()`.
 * Transactions of one database run one at a time (a promise queue). Plain calls made meanwhile are not
 * queued; if one changes a document the transaction read, the commit fails with
 * DATABASE_TRANSACTION_CONFLICT and the callback is run again, up to 3 more times, as the SDK does.
 * A transaction started inside another's callback runs at once, independently (it would otherwise wait
 * for itself); the same conflict check keeps the outer one honest.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DatabaseError,
  type AddResult,
  type DocData,
  type RemoveResult,
  type Transaction,
  type TransactionCollection,
  type TransactionDocument,
  type UpdateResult,
} from '../../cloudfunctions/_platform/database';
import { docAdd, docGet, docId, docRemove, docSet, docUpdate, type DocAccess } from './document';
import type { Store } from './store';
import { invalidParam } from './values';

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const RETRIES = 3;

interface Entry {
  collection: string;
  id: string;
  text: string | null;
}

/** A transaction's view: the first read of each document (checked again at commit) plus its writes. */
class TxBuffer implements DocAccess {
  readonly seen = new Map<string, Entry>();
  readonly writes = new Map<string, Entry>();
  aborted = false;
  reason: unknown = undefined;
  private finished = false;

  constructor(private readonly store: Store) {}

  private active(): void {
    if (this.finished) throw invalidParam('this transaction has already ended');
    if (this.aborted) throw new DatabaseError('DATABASE_TRANSACTION_ABORTED', 'this transaction was rolled back');
  }

  read(collection: string, id: string): string | null {
    this.active();
    const key = JSON.stringify([collection, id]);
    const written = this.writes.get(key) ?? this.seen.get(key);
    if (written) return written.text;
    const text = this.store.get(collection, id);
    this.seen.set(key, { collection, id, text });
    return text;
  }

  write(collection: string, id: string, text: string | null): void {
    this.active();
    this.writes.set(JSON.stringify([collection, id]), { collection, id, text });
  }

  end(): void {
    this.finished = true;
  }

  commit(): void {
    for (const e of [...this.seen.values(), ...this.writes.values()]) this.store.ensure(e.collection);
    this.store.atomically(() => {
      for (const e of this.seen.values()) {
        if (this.store.get(e.collection, e.id) !== e.text) {
          throw new DatabaseError(CONFLICT, `"${e.collection}/${e.id}" changed while the transaction ran`);
        }
      }
      for (const e of this.writes.values()) {
        if (e.text === null) this.store.remove(e.collection, e.id);
        else this.store.put(e.collection, e.id, e.text);
      }
    });
  }

  api(): Transaction {
    const document = (collection: string, id: string): TransactionDocument & { remove(): Promise<RemoveResult> } => ({
      /** `{ data: doc }`, or `{ data: null }` when there is no such document */
      get: async () => ({ data: docGet(this, collection, id) }),
      set: async (data: DocData): Promise<UpdateResult & { upserted?: { _id: string }[] }> => {
        const { updated, upsertedId } = docSet(this, collection, id, data);
        return upsertedId === undefined ? { updated } : { updated, upserted: [{ _id: upsertedId }] };
      },
      update: async (data: DocData) => docUpdate(this, collection, id, data),
      delete: async () => docRemove(this, collection, id),
      remove: async () => docRemove(this, collection, id),
    });
    const collection = (name: string): TransactionCollection => {
      this.store.ensure(name);
      return {
        doc: (id: string) => document(name, docId(id)),
        add: async (data: DocData): Promise<AddResult & { inserted: number; ok: number }> => ({
          ...docAdd(this, name, data),
          inserted: 1,
          ok: 1,
        }),
      };
    };
    return {
      collection,
      rollback: async (reason?: unknown) => {
        this.active();
        this.aborted = true;
        this.reason = reason;
        return {};
      },
    };
  }
}

/** A promise queue: `run` calls start one after another. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export type RunTransaction = <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;

export function transactionRunner(store: Store): RunTransaction {
  const queue = new Mutex();
  const inside = new AsyncLocalStorage<true>();

  async function attempt<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let retriesLeft = RETRIES; ; retriesLeft--) {
      const buffer = new TxBuffer(store);
      let result: T;
      try {
        result = await work(buffer.api());
      } catch (error) {
        buffer.end();
        throw buffer.aborted ? buffer.reason : error;
      }
      buffer.end();
      if (buffer.aborted) throw buffer.reason;
      try {
        buffer.commit();
        return result;
      } catch (error) {
        if (!(error instanceof DatabaseError && error.code === CONFLICT) || retriesLeft === 0) throw error;
      }
    }
  }

  return async function runTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    // Started from inside a transaction's callback (e.g. a helper that keeps its own transaction):
    // waiting for the queue would wait for ourselves, so it runs at once as an independent transaction,
    // as in CloudBase. If it changes what the outer one read, the outer one conflicts and reruns.
    if (inside.getStore()) return attempt(work);
    return queue.run(() => inside.run(true, () => attempt(work)));
  };
}
