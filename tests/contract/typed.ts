/**
 * The typed accessors' contract: what `documents(db, spec)` (cloudfunctions/_platform/collection.ts)
 * promises on top of the database, written once and run against the embedded engine (embedded.test.ts)
 * and, when credentials are given, against a real CloudBase environment (cloudbase.test.ts), each on
 * a collection of its own (cloudbase.test.ts prefixes every name with a random one per run).
 */
import * as z from 'zod/mini';
import { ok, fail, type Result } from '@shared/core/result';
import {
  documents,
  storedCollection,
  StoredDocumentError,
  type Documents,
} from '../../cloudfunctions/_platform/collection';
import type { Database, DocData, Transaction, TransactionCollection } from '../../cloudfunctions/_platform/database';
import { inBatches, type Cleanup, type Open } from './contract';

/** The collections the typed contract uses; a backend that needs them to exist creates these. */
export const TYPED_COLLECTIONS = ['typed'] as const;

const thingSchema = z.object({
  _id: z.string(),
  name: z.string(),
  n: z.number(),
  tags: z.array(z.string()),
  nested: z.nullable(z.object({ a: z.number(), b: z.optional(z.number()) })),
  updatedAt: z.number(),
});
type Thing = z.infer<typeof thingSchema>;

const THINGS = storedCollection('typed', thingSchema);

const thing = (id: string, over: Partial<Thing> = {}): Thing => ({ _id: id, name: id, n: 0, tags: [], nested: null, updatedAt: 1, ...over });

/** `db`, counting the writes made through its transactions. */
function countingTransactionWrites(db: Database): { db: Database; writes: () => number } {
  let writes = 0;
  const counted = <A extends unknown[], R>(write: (...args: A) => R) => (...args: A): R => {
    writes++;
    return write(...args);
  };
  const watch = (tx: Transaction): Transaction => ({
    rollback: (reason) => tx.rollback(reason),
    collection: (name): TransactionCollection => {
      const coll = tx.collection(name);
      return {
        add: counted((data: DocData) => coll.add(data)),
        doc: (id) => {
          const doc = coll.doc(id);
          return {
            get: () => doc.get(),
            set: counted((data: DocData) => doc.set(data)),
            update: counted((data: DocData) => doc.update(data)),
            delete: counted(() => doc.delete()),
          };
        },
      };
    },
  });
  return {
    db: { command: db.command, collection: (name) => db.collection(name), runTransaction: (work) => db.runTransaction((tx) => work(watch(tx))) },
    writes: () => writes,
  };
}

/** Registers the typed-accessor suite. `open` runs before each test (an empty database), `cleanup` after it. */
export function describeTypedContract(name: string, open: Open, cleanup: Cleanup): void {
  describe(`typed accessor contract: ${name}`, () => {
    let current: Database | null = null;
    const db = (): Database => {
      if (current === null) throw new Error('database not open');
      return current;
    };
    const things = (): Documents<Thing> => documents(db(), THINGS);
    /** the document as stored, not parsed */
    const raw = async (id: string): Promise<DocData | undefined> => (await db().collection(THINGS.name).doc(id).get()).data[0];
    const seed = async (docs: Thing[]): Promise<void> => inBatches(docs, 25, (d) => things().put(d));

    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      if (current !== null) await cleanup(current);
      current = null;
    });

    describe('reading', () => {
      it('get answers the stored document, parsed, and null when there is none', async () => {
        await seed([thing('x', { n: 3, tags: ['a'], nested: { a: 1 } })]);
        expect(await things().get('x')).toEqual(thing('x', { n: 3, tags: ['a'], nested: { a: 1 } }));
        expect(await things().get('missing')).toBeNull();
      });

      it('getMany looks up 250 ids, more than one lookup asks for, and answers all 250 keyed by id', async () => {
        const all = [...Array(250).keys()].map((i) => thing(`t${String(i).padStart(3, '0')}`, { n: i }));
        await seed(all);
        const found = await things().getMany(all.map((t) => t._id));
        expect(found.size).toBe(250);
        for (const t of all) expect(found.get(t._id)).toEqual(t);
      }, 60_000);

      it('getMany answers each duplicated id once and leaves out ids that are missing or empty', async () => {
        const all = [...Array(250).keys()].map((i) => thing(`t${String(i).padStart(3, '0')}`, { n: i }));
        await seed(all);
        const asked = ['nope-1', ...all.map((t) => t._id), 't000', 't137', 't249', 't137', '', 'nope-2'];
        const found = await things().getMany(asked);
        expect(found.size).toBe(250);
        expect(found.has('nope-1')).toBe(false);
        expect(found.has('nope-2')).toBe(false);
        expect(found.has('')).toBe(false);
        expect(found.get('t137')).toEqual(thing('t137', { n: 137 }));
      }, 60_000);

      it('getMany answers an empty map for no ids, or only missing ones', async () => {
        await seed([thing('x')]);
        expect((await things().getMany([])).size).toBe(0);
        expect((await things().getMany(['a', 'b'])).size).toBe(0);
      });

      it('find answers the matches in the order asked, at most limit of them, after skip', async () => {
        const ns = [17, 3, 40, 8, 25, 1, 33, 12, 5, 29];
        await seed(ns.map((n, i) => thing(`t${i}`, { n, name: n % 2 ? 'odd' : 'even' })));
        const _ = db().command;
        const n = (list: Thing[]) => list.map((t) => t.n);
        expect(n(await things().find({ n: _.lt(30) }, { orderBy: [['n', 'asc']], limit: 4 }))).toEqual([1, 3, 5, 8]);
        expect(n(await things().find({ n: _.lt(30) }, { orderBy: [['n', 'desc']], limit: 3 }))).toEqual([29, 25, 17]);
        expect(n(await things().find(null, { orderBy: [['n', 'asc']], limit: 3, skip: 2 }))).toEqual([5, 8, 12]);
        expect(n(await things().find({ name: 'odd' }, { orderBy: [['n', 'desc']], limit: 10 }))).toEqual([33, 29, 25, 17, 5, 3, 1]);
        expect(n(await things().find(null, { orderBy: [['name', 'asc'], ['n', 'desc']], limit: 4 }))).toEqual([40, 12, 8, 33]);
      });

      it('count answers the number of matches', async () => {
        await seed([1, 2, 3, 4, 5].map((n) => thing(`t${n}`, { n })));
        expect(await things().count(null)).toBe(5);
        expect(await things().count({ n: db().command.gte(4) })).toBe(2);
      });
    });

    describe('documents that do not match the schema', () => {
      const wrong = { _id: 'bad', name: 'x', n: 'three', tags: [], nested: { a: 'one' }, updatedAt: 1 };

      it('get throws StoredDocumentError naming the collection, the id and each field path', async () => {
        await db().collection(THINGS.name).add(wrong);
        const error = await things().get('bad').then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoredDocumentError);
        const e = error as StoredDocumentError;
        expect(e).toMatchObject({ name: 'StoredDocumentError', collection: 'typed', id: 'bad' });
        expect(e.problems).toHaveLength(2);
        expect(e.problems[0]).toMatch(/^n: /);
        expect(e.problems[1]).toMatch(/^nested\.a: /);
        expect(e.message).toMatch(/^typed\/bad does not match its schema: n: .*; nested\.a: /);
      });

      it('names a missing field by its path', async () => {
        await db().collection(THINGS.name).add({ _id: 'bad', name: 'x', n: 1, tags: [], nested: null });
        await expect(things().get('bad')).rejects.toMatchObject({ collection: 'typed', id: 'bad', problems: [expect.stringMatching(/^updatedAt: /)] });
      });

      it('getMany, find and a transaction get throw it too', async () => {
        await seed([thing('good')]);
        await db().collection(THINGS.name).add(wrong);
        await expect(things().getMany(['good', 'bad'])).rejects.toBeInstanceOf(StoredDocumentError);
        await expect(things().find(null, { limit: 10 })).rejects.toMatchObject({ collection: 'typed', id: 'bad' });
        await expect(db().runTransaction((tx) => things().within(tx).get('bad'))).rejects.toMatchObject({ collection: 'typed', id: 'bad' });
      });
    });

    describe('writing', () => {
      it('put replaces the whole document, or creates it', async () => {
        await seed([thing('x', { nested: { a: 1, b: 2 }, tags: ['p', 'q'] })]);
        await things().put(thing('x', { nested: { a: 5 }, tags: ['r'], updatedAt: 2 }));
        expect(await raw('x')).toEqual(thing('x', { nested: { a: 5 }, tags: ['r'], updatedAt: 2 }));
        await things().put(thing('y'));
        expect(await things().get('y')).toEqual(thing('y'));
      });

      it('insert stores the document under a new id and answers it parsed, with that id', async () => {
        const { _id: _ignored, ...fields } = thing('ignored', { name: 'new', n: 7, tags: ['a'], nested: { a: 1 } });
        const inserted = await things().insert(fields);
        expect(typeof inserted._id).toBe('string');
        expect(inserted._id).not.toBe('');
        expect(inserted).toEqual({ _id: inserted._id, ...fields });
        expect(await things().get(inserted._id)).toEqual(inserted);
        const other = await things().insert(fields);
        expect(other._id).not.toBe(inserted._id);
      });

      it('patch sets the given fields only, a nested object setting only the nested fields it names', async () => {
        await seed([thing('x', { n: 1, nested: { a: 1, b: 2 } })]);
        await things().patch('x', { n: 2, nested: { a: 5 } });
        expect(await raw('x')).toEqual(thing('x', { n: 2, nested: { a: 5, b: 2 } }));
      });

      it('updateWhere sets the fields on every match and answers how many it changed', async () => {
        await seed([0, 1, 2, 3, 4].map((n) => thing(`t${n}`, { n })));
        const _ = db().command;
        expect(await things().updateWhere({ n: _.lt(3) }, { name: 'low' })).toBe(3);
        expect((await things().find({ name: 'low' }, { orderBy: [['n', 'asc']], limit: 10 })).map((t) => t._id)).toEqual(['t0', 't1', 't2']);
        expect(await things().updateWhere({ n: _.gte(100) }, { name: 'high' })).toBe(0);
        expect(await things().get('t3')).toEqual(thing('t3', { n: 3 }));
      });
    });

    describe('replaceIf: a write only over the document as it was read', () => {
      it('writes when the filter still matches and answers true', async () => {
        await seed([thing('x', { n: 1, updatedAt: 1 })]);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { n: 2, name: 'first', updatedAt: 2 }))).toBe(true);
        expect(await things().get('x')).toEqual(thing('x', { n: 2, name: 'first', updatedAt: 2 }));
      });

      it('refuses a second write with the old filter, answering false and keeping the first write', async () => {
        await seed([thing('x', { updatedAt: 1 })]);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { name: 'first', updatedAt: 2 }))).toBe(true);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { name: 'second', updatedAt: 3 }))).toBe(false);
        expect(await things().get('x')).toEqual(thing('x', { name: 'first', updatedAt: 2 }));
      });

      it('lets only one of two writers that read the same document succeed', async () => {
        await seed([thing('x', { updatedAt: 1 })]);
        const outcomes = await Promise.all(
          ['a', 'b'].map((who) => things().replaceIf({ updatedAt: 1 }, thing('x', { name: who, updatedAt: 2 }))),
        );
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        expect((await things().get('x'))?.name).toBe(outcomes[0] ? 'a' : 'b');
      });

      it('replaces nested objects and arrays whole: nested fields the new value lacks are gone', async () => {
        await seed([thing('x', { nested: { a: 1, b: 2 }, tags: ['p', 'q', 'r'] })]);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { nested: { a: 5 }, tags: ['s'], updatedAt: 2 }))).toBe(true);
        expect(await raw('x')).toEqual(thing('x', { nested: { a: 5 }, tags: ['s'], updatedAt: 2 }));
      });

      it('replaces a nested object with null, and null with a nested object', async () => {
        await seed([thing('x', { nested: { a: 1, b: 2 } }), thing('y', { nested: null })]);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { nested: null, updatedAt: 2 }))).toBe(true);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('y', { nested: { a: 3 }, updatedAt: 2 }))).toBe(true);
        expect(await raw('x')).toEqual(thing('x', { nested: null, updatedAt: 2 }));
        expect(await raw('y')).toEqual(thing('y', { nested: { a: 3 }, updatedAt: 2 }));
      });

      it('touches only the document named by the new value, even when the filter matches others', async () => {
        await seed([thing('x', { updatedAt: 1 }), thing('y', { updatedAt: 1 })]);
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { name: 'changed', updatedAt: 2 }))).toBe(true);
        expect(await things().get('y')).toEqual(thing('y', { updatedAt: 1 }));
      });

      it('answers false and creates nothing when the document is missing', async () => {
        expect(await things().replaceIf({ updatedAt: 1 }, thing('x', { updatedAt: 2 }))).toBe(false);
        expect(await things().get('x')).toBeNull();
      });
    });

    describe('inside a transaction', () => {
      it('modify stores the document the change answers when it differs from the one read', async () => {
        await seed([thing('x', { n: 1, updatedAt: 1 })]);
        const outcome = await db().runTransaction((tx) =>
          things().within(tx).modify('x', (current) => (current ? ok({ ...current, n: current.n + 1, updatedAt: 2 }) : fail('T.MISSING', 'missing'))),
        );
        expect(outcome).toEqual({ ok: true, data: thing('x', { n: 2, updatedAt: 2 }) });
        expect(await things().get('x')).toEqual(thing('x', { n: 2, updatedAt: 2 }));
      });

      it('modify writes nothing when the change answers the very document it was given', async () => {
        await seed([thing('x', { n: 1, updatedAt: 1 })]);
        const watched = countingTransactionWrites(db());
        const outcome = await watched.db.runTransaction((tx) => documents(watched.db, THINGS).within(tx).modify('x', (current) => ok(current as Thing)));
        expect(outcome).toEqual({ ok: true, data: thing('x', { n: 1, updatedAt: 1 }) });
        expect(watched.writes()).toBe(0);
        expect(await raw('x')).toEqual(thing('x', { n: 1, updatedAt: 1 }));
      });

      it('modify writes nothing when the change answers a failure, and answers that failure', async () => {
        await seed([thing('x', { n: 1, updatedAt: 1 })]);
        const watched = countingTransactionWrites(db());
        const outcome = await watched.db.runTransaction((tx) =>
          documents(watched.db, THINGS).within(tx).modify('x', (current): Result<Thing> => {
            if (current) current.updatedAt = 99; // a change that gave up half-way
            return fail('T.NOT_NOW', 'not now');
          }),
        );
        expect(outcome).toEqual({ ok: false, code: 'T.NOT_NOW', message: 'not now' });
        expect(watched.writes()).toBe(0);
        expect(await raw('x')).toEqual(thing('x', { n: 1, updatedAt: 1 }));
      });

      it('modify gives the change null for a missing document, and creates the one it answers under the id given', async () => {
        let seen: Thing | null | undefined;
        const outcome = await db().runTransaction((tx) =>
          things().within(tx).modify('x', async (current) => {
            seen = current;
            return ok(thing('other-id', { name: 'created' }));
          }),
        );
        expect(seen).toBeNull();
        expect(outcome.ok).toBe(true);
        expect(await things().get('x')).toEqual(thing('x', { name: 'created' }));
        expect(await things().get('other-id')).toBeNull();
      });

      it('get, put and insert read and write single documents, committed together', async () => {
        await seed([thing('x', { n: 1 })]);
        const inserted = await db().runTransaction(async (tx) => {
          const inTx = things().within(tx);
          const x = await inTx.get('x');
          expect(x).toEqual(thing('x', { n: 1 }));
          expect(await inTx.get('missing')).toBeNull();
          await inTx.put(thing('x', { n: 2, nested: { a: 1 } }));
          const { _id: _ignored, ...fields } = thing('ignored', { name: 'log' });
          return inTx.insert(fields);
        });
        expect(await things().get('x')).toEqual(thing('x', { n: 2, nested: { a: 1 } }));
        expect(await things().get(inserted._id)).toEqual({ ...thing(inserted._id), name: 'log' });
      });

      it('writes nothing of a transaction that throws after modify', async () => {
        await seed([thing('x', { n: 1, updatedAt: 1 })]);
        await expect(
          db().runTransaction(async (tx) => {
            await things().within(tx).modify('x', (current) => ok({ ...(current as Thing), n: 2, updatedAt: 2 }));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await raw('x')).toEqual(thing('x', { n: 1, updatedAt: 1 }));
      });
    });
  });
}
