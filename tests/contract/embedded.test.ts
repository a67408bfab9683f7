import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Query as MingoQuery } from 'mingo';
import type { Database, DocData } from '../../cloudfunctions/_platform/database';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../host/db';
import { command } from '../../host/db/commands';
import { sortDocs, type OrderKey } from '../../host/db/order';
import { EmbeddedCollection } from '../../host/db/query';
import { Store } from '../../host/db/store';
import * as values from '../../host/db/values';
import { prefilterCandidates, translateWhere } from '../../host/db/where';
import { describeDatabaseContract, ids } from './contract';
import { describeTypedContract } from './typed';

describeDatabaseContract(
  'embedded (SQLite)',
  async () => openEmbeddedDatabase(':memory:'),
  (db: Database) => (db as EmbeddedDatabase).close(),
);

describeTypedContract(
  'embedded (SQLite)',
  async () => openEmbeddedDatabase(':memory:'),
  (db: Database) => (db as EmbeddedDatabase).close(),
);

describe('embedded engine', () => {
  let db: EmbeddedDatabase;
  beforeEach(() => {
    db = openEmbeddedDatabase(':memory:');
  });
  afterEach(() => db.close());
  const _ = () => db.command;
  const items = () => db.collection('items');

  describe('storage', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-db-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('keeps documents after the database file is closed and opened again', async () => {
      const file = path.join(dir, 'db.sqlite');
      const first = openEmbeddedDatabase(file);
      await first.collection('items').add({ _id: 'x', at: new Date(5), n: { v: 1 } });
      first.close();
      const again = openEmbeddedDatabase(file);
      expect((await again.collection('items').doc('x').get()).data).toEqual([{ _id: 'x', at: new Date(5), n: { v: 1 } }]);
      again.close();
    });

    it('writes the file in WAL mode', () => {
      const file = path.join(dir, 'db.sqlite');
      const opened = openEmbeddedDatabase(file);
      opened.collection('items');
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      opened.close();
    });
  });

  describe('ids, order and natural order', () => {
    it('generates 32-character lowercase hex ids, like CloudBase', async () => {
      const { id } = await items().add({});
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    });

    it('answers documents in insertion order when no order is given', async () => {
      for (const id of ['m', 'c', 'x', 'a']) await items().add({ _id: id });
      expect(ids(await items().get())).toEqual(['m', 'c', 'x', 'a']);
    });

    it('keeps insertion order among documents that sort equal', async () => {
      for (const [id, g] of [['p', 1], ['q', 0], ['r', 1], ['s', 0]] as const) await items().add({ _id: id, g });
      expect(ids(await items().orderBy('g', 'desc').get())).toEqual(['p', 'r', 'q', 's']);
    });

    it('sorts mixed types in MongoDB order, missing and null first', async () => {
      const values: unknown[] = ['s', 2, null, true, new Date(0), { o: 1 }, [0]];
      for (const [i, v] of values.entries()) await items().add({ _id: `v${i}`, v });
      await items().add({ _id: 'none' });
      expect(ids(await items().orderBy('v', 'asc').get())).toEqual(['v2', 'none', 'v6', 'v1', 'v0', 'v5', 'v3', 'v4']);
    });

    it('treats limit(0) like no limit, as the SDK does', async () => {
      for (let i = 0; i < 101; i++) await items().add({ i });
      expect((await items().limit(0).get()).data).toHaveLength(100);
    });
  });

  describe('narrowing by an indexed field', () => {
    beforeEach(async () => {
      await items().add({ _id: 'a', owner: 'u1', n: 1 });
      await items().add({ _id: 'b', owner: ['u1', 'u2'], n: '1' });
      await items().add({ _id: 'c', owner: 'u2', n: [1, 2] });
      await items().add({ _id: 'd', n: true });
    });

    it('still finds documents whose field is an array containing the value', async () => {
      expect(ids(await items().where({ owner: 'u1' }).get())).toEqual(['a', 'b']);
      expect(ids(await items().where({ owner: _().in(['u2']) }).get())).toEqual(['b', 'c']);
    });

    it('does not confuse numbers, strings and booleans', async () => {
      expect(ids(await items().where({ n: 1 }).get())).toEqual(['a', 'c']);
      expect(ids(await items().where({ n: '1' }).get())).toEqual(['b']);
      expect(ids(await items().where({ n: true }).get())).toEqual(['d']);
    });

    it('finds by _id and by a list of _ids', async () => {
      expect(ids(await items().where({ _id: 'c' }).get())).toEqual(['c']);
      expect(ids(await items().where({ _id: _().in(['d', 'a', 'zz']) }).get())).toEqual(['a', 'd']);
    });
  });

  describe('narrowing by a range', () => {
    let store: Store;
    let coll: EmbeddedCollection;
    beforeEach(() => {
      store = new Store(':memory:');
      coll = new EmbeddedCollection(store, 'items');
    });
    afterEach(() => store.close());
    const c = command;
    /** SQLite's plan for the scan of `condition` (sorted by `key` first, when given) */
    const plan = (condition: DocData, key?: OrderKey, want?: number): string =>
      store.explain('items', prefilterCandidates(translateWhere(condition)), key, want).join('\n');
    const fill = async (n: number, doc: (i: number) => DocData): Promise<void> => {
      for (let i = 0; i < n; i++) await coll.add({ _id: `d${String(i).padStart(4, '0')}`, ...doc(i) });
    };

    it('drives a range query by the field\'s index instead of scanning the collection', async () => {
      await fill(20, (i) => ({ due: i }));
      for (const condition of [{ due: c.lt(5) }, { due: c.gte(5) }, { due: c.gt(2).and(c.lte(8)) }, { due: c.gt('a') }]) {
        expect(plan(condition)).toMatch(/SEARCH c_items USING INDEX i_items__due \(/);
        expect(plan(condition)).not.toMatch(/SCAN c_items/);
      }
      expect(plan({ _id: c.gt('d0003').and(c.lt('d0007')) })).toMatch(/USING INDEX sqlite_autoindex_c_items_1 \(id>\? AND id<\?\)/);
      expect(ids(await coll.where({ _id: c.gt('d0003').and(c.lt('d0007')) }).get())).toEqual(['d0004', 'd0005', 'd0006']);
    });

    it('reads a page sorted by the range field in index order, without sorting every match', async () => {
      await fill(20, (i) => ({ due: i }));
      const asc = plan({ due: c.lt(15) }, { field: 'due', direction: 1 });
      expect(asc).toMatch(/SEARCH c_items USING INDEX i_items__due \(/);
      expect(asc).not.toMatch(/TEMP B-TREE/);
      expect(plan({ due: c.gt(3) }, { field: 'due', direction: -1 })).not.toMatch(/TEMP B-TREE/);
    });

    it('reads only about as many documents as the page needs when sorted by the range field', async () => {
      await fill(400, (i) => ({ due: (i * 37) % 400, kind: i % 2 ? 'odd' : 'even' }));
      const decode = jest.spyOn(values, 'decodeDoc');
      try {
        const page = await coll.where({ due: c.lt(300) }).orderBy('due', 'asc').limit(10).get();
        expect(page.data.map((d) => d.due)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(decode.mock.calls.length).toBeLessThanOrEqual(11);
        decode.mockClear();
        const odd = await coll.where({ due: c.gte(0), kind: 'odd' }).orderBy('due', 'desc').limit(5).get();
        expect(odd.data.map((d) => d.due)).toEqual([399, 397, 395, 393, 391]);
        expect(decode.mock.calls.length).toBeLessThanOrEqual(6);
      } finally {
        decode.mockRestore();
      }
    });

    it('drives the scan by whichever of an equality and a range leaves fewer documents', async () => {
      await fill(50, (i) => ({ department: 'engineering', due: 1000 + i, project: `p${i % 25}` }));
      // everyone is in engineering, nothing is due before 1000; the range gets no index of its own here
      // (every index costs on each write), so at first the equality drives
      expect(plan({ department: 'engineering', due: c.lt(1000) })).toMatch(/USING INDEX i_items__department \(/);
      // once a query on `due` alone has made its index, the two are compared
      await coll.where({ due: c.lt(0) }).get();
      await coll.where({ project: 'p0' }).get();
      expect(plan({ department: 'engineering', due: c.lt(1000) })).toMatch(/USING INDEX i_items__due \(/);
      // two documents per project, every one due after 0
      expect(plan({ project: 'p3', due: c.gt(0) })).toMatch(/USING INDEX i_items__project \(/);
      expect(plan({ project: 'p3', due: c.gt(0) })).not.toMatch(/i_items__due \(/);
      // a page sorted by the range field reads the range in order, unless the equality leaves few documents
      const byDue = { field: 'due', direction: 1 } as const;
      expect(plan({ department: 'engineering', due: c.gt(0) }, byDue, 10)).toMatch(/USING INDEX i_items__due \(/);
      expect(plan({ department: 'engineering', due: c.gt(0) }, byDue, 10)).not.toMatch(/TEMP B-TREE/);
      expect(plan({ project: 'p3', due: c.gt(0) }, byDue, 10)).toMatch(/USING INDEX i_items__project \(/);
      expect(ids(await coll.where({ project: 'p3', due: c.gt(1010) }).get())).toEqual(['d0028']);
      expect(ids(await coll.where({ department: 'engineering', due: c.gt(1010) }).orderBy('due', 'desc').limit(2).get())).toEqual([
        'd0049',
        'd0048',
      ]);
      expect(ids(await coll.where({ department: 'engineering', due: c.lt(1002) }).get())).toEqual(['d0000', 'd0001']);
    });

    it('keeps ties at the edge of a sorted range page in insertion order, and arrays where their elements sort', async () => {
      const docs: [string, unknown][] = [
        ['a', 5], ['b', 3], ['c', [4, 99]], ['d', 5], ['e', true], ['f', 3], ['g', '1'], ['h', 5], ['i', [1, 'x']], ['j', 7],
      ];
      for (const [id, at] of docs) await coll.add({ _id: id, at });
      expect(ids(await coll.where({ at: c.lt(6) }).orderBy('at', 'asc').limit(4).get())).toEqual(['i', 'b', 'f', 'c']);
      expect(ids(await coll.where({ at: c.lt(6) }).orderBy('at', 'asc').skip(4).limit(2).get())).toEqual(['a', 'd']);
      expect(ids(await coll.where({ at: c.gte(3) }).orderBy('at', 'desc').limit(3).get())).toEqual(['c', 'j', 'a']);
      expect(ids(await coll.where({ at: c.gte(3) }).orderBy('at', 'desc').skip(2).limit(3).get())).toEqual(['a', 'd', 'h']);
    });

    it('compares strings by UTF-16 units as mingo does, also around characters beyond U+FFFF', async () => {
      for (const [id, name] of [['fullwidth', 'ｚ'], ['emoji', '😀'], ['private', '\ue000'], ['q-emoji', 'q😀'], ['qz', 'qz'], ['r', 'r'], ['q-max', 'q\uffff']]) {
        await coll.add({ _id: id, name });
      }
      // JavaScript puts the surrogate pair of 😀 (\ud83d\ude00) before U+E000 and U+FF5A
      expect(ids(await coll.where({ name: c.gt('😀') }).get())).toEqual(['fullwidth', 'private']);
      expect(ids(await coll.where({ name: c.lt('\ue000') }).get())).toEqual(['emoji', 'q-emoji', 'qz', 'r', 'q-max']);
      // a prefix search as project.search makes it
      expect(ids(await coll.where({ name: c.gte('q').and(c.lt('q\uffff')) }).get())).toEqual(['q-emoji', 'qz']);
      expect(plan({ name: c.gte('q').and(c.lt('q\uffff')) })).toMatch(/USING INDEX i_items__name \(/);
    });

    it('finds nothing for in with an empty list, without reading the collection', async () => {
      await fill(5, (i) => ({ due: i, owner: [`u${i}`] }));
      const decode = jest.spyOn(values, 'decodeDoc');
      try {
        expect(ids(await coll.where({ _id: c.in([]) }).get())).toEqual([]);
        expect(ids(await coll.where({ owner: c.in([]) }).get())).toEqual([]);
        expect(ids(await coll.where({ owner: c.in([]), due: c.gte(0) }).orderBy('due', 'asc').get())).toEqual([]);
        expect(await coll.where({ due: c.in([]) }).count()).toEqual({ total: 0 });
        expect(decode).not.toHaveBeenCalled();
      } finally {
        decode.mockRestore();
      }
    });

    it('finds whole numbers of 2^53 and beyond by equality and by range', async () => {
      await coll.add({ _id: 'big', n: 2 ** 60 });
      await coll.add({ _id: 'small', n: 1 });
      expect(ids(await coll.where({ n: 2 ** 60 }).get())).toEqual(['big']);
      expect(ids(await coll.where({ n: c.in([2 ** 60, 1]) }).get())).toEqual(['big', 'small']);
      expect(ids(await coll.where({ n: c.gte(2 ** 60) }).get())).toEqual(['big']);
      expect(ids(await coll.where({ n: c.lt(2 ** 60) }).get())).toEqual(['small']);
      expect(ids(await coll.where({ n: c.lte(2 ** 60) }).orderBy('n', 'desc').limit(1).get())).toEqual(['big']);
    });

    it('updates and removes by a range before the field has an index, inside their transaction', async () => {
      await fill(10, (i) => ({ due: i }));
      expect(await coll.where({ due: c.lt(4) }).update({ late: true })).toEqual({ updated: 4 });
      expect(await coll.where({ due: c.gte(8) }).remove()).toEqual({ deleted: 2 });
      expect(ids(await coll.where({ late: true }).get())).toEqual(['d0000', 'd0001', 'd0002', 'd0003']);
      expect((await coll.count()).total).toBe(8);
    });

    it('answers range queries exactly as testing every document with mingo would', async () => {
      let seed = 7;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
      const numbers = [0, 1, 2, 2.5, -3, 0.1 + 0.2, 0.3, 1e300, -1e300, 5e-324, 1_770_000_000_000, 2 ** 60, 1e21];
      const strings = ['', 'a', 'b', 'ab', 'a\u0000b', 'B', '😀', '\uffff', '\ue000', '1', 'ｚ', 'q😀'];
      const scalar = (): unknown => {
        const r = random();
        if (r < 0.55) return pick(numbers);
        if (r < 0.8) return pick(strings);
        if (r < 0.85) return null;
        if (r < 0.9) return random() < 0.5;
        if (r < 0.95) return new Date(pick([0, 5, 1_770_000_000_000]));
        return { o: pick(numbers) };
      };
      const value = (): unknown => {
        const r = random();
        if (r < 0.1) return undefined;
        if (r < 0.25) return Array.from({ length: Math.floor(random() * 3) }, scalar);
        return scalar();
      };
      for (let i = 0; i < 150; i++) await coll.add({ _id: `d${String(i).padStart(3, '0')}`, a: value(), b: value(), g: pick(['x', 'y', 'z']) });
      const stored = (await coll.limit(1000).get()).data;
      const bound = (): unknown => (random() < 0.55 ? pick(numbers) : random() < 0.9 ? pick(strings) : new Date(3));
      const ops = ['gt', 'gte', 'lt', 'lte'] as const;
      for (let q = 0; q < 300; q++) {
        const field = pick(['a', 'b']);
        const first = c[pick(ops)](bound());
        const condition: DocData = { [field]: random() < 0.4 ? first.and(c[pick(ops)](bound())) : first };
        if (random() < 0.3) condition.g = pick(['x', 'y']);
        const order: OrderKey[] = random() < 0.8 ? [{ field: random() < 0.85 ? field : 'g', direction: random() < 0.5 ? 1 : -1 }] : [];
        if (random() < 0.3 && order[0]?.field !== 'g') order.push({ field: 'g', direction: 1 });
        const skip = random() < 0.3 ? Math.floor(random() * 10) : 0;
        const limit = pick([1, 3, 10, 50]);
        let query = coll.where(condition);
        for (const key of order) query = query.orderBy(key.field, key.direction === 1 ? 'asc' : 'desc');
        const test = new MingoQuery(translateWhere(condition), {});
        const all = stored.filter((doc) => test.test(doc));
        const expected = sortDocs(all, order).slice(skip, skip + limit);
        expect({ condition, order, skip, limit, got: ids(await query.skip(skip).limit(limit).get()) }).toEqual({
          condition, order, skip, limit, got: expected.map((d) => d._id),
        });
        expect((await coll.where(condition).count()).total).toBe(all.length);
      }
    });
  });

  describe('refusals', () => {
    beforeEach(() => items().add({ _id: 'x', s: 'text', n: 1, o: { p: 1 } }));

    it('refuses raw $ operators in where and in update data', async () => {
      expect(() => items().where({ n: { $gt: 0 } })).toThrow(/db.command/);
      expect(() => items().where({ $or: [{ n: 1 }] })).toThrow(/db.command/);
      await expect(items().doc('x').update({ $set: { n: 2 } })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    });

    it('refuses query commands in update data and update commands in where', async () => {
      await expect(items().doc('x').update({ n: _().gt(1) })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
      expect(() => items().where({ n: _().inc(1) })).toThrow(/update commands/);
    });

    it('refuses values that are neither JSON nor Date', async () => {
      await expect(items().add({ f: () => 1 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
      await expect(items().add({ n: Number.NaN })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
      await expect(items().add({ m: new Map() })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
      await expect(items().add({ 'a.b': 1 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    });

    it('refuses _.inc on a non-number, _.push on a non-array and a field inside a non-object', async () => {
      await expect(items().doc('x').update({ s: _().inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
      await expect(items().doc('x').update({ s: _().push(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
      await expect(items().doc('x').update({ 'n.deeper': 1 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
      expect((await items().doc('x').get()).data).toEqual([{ _id: 'x', s: 'text', n: 1, o: { p: 1 } }]);
    });

    it('refuses one update that touches a field and a field inside it', async () => {
      await expect(items().doc('x').update({ o: _().set({}), 'o.p': 2 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    });

    it('refuses field-level and/or over plain values, which the SDK cannot send', () => {
      expect(() => items().where({ n: _().or(1, 2) })).toThrow(/commands/);
    });

    it('refuses or-conditions on two fields of one object, which the SDK would merge into one or', async () => {
      expect(() => items().where({ n: _().or(_().eq(1), _().eq(2)), s: _().or(_().eq('a'), _().eq('b')) })).toThrow(/_.and/);
      const both = _().and([{ n: _().or(_().eq(1), _().eq(2)) }, { s: _().or(_().eq('text'), _().eq('b')) }]);
      expect(ids(await items().where(both).get())).toEqual(['x']);
    });

    it('refuses a limit or skip that is not a non-negative integer', () => {
      expect(() => items().limit(-1)).toThrow();
      expect(() => items().skip(1.5)).toThrow();
    });
  });

  describe('transactions', () => {
    beforeEach(() => items().add({ _id: 'c', n: 0 }));

    it('runs transactions one at a time even when their callbacks wait', async () => {
      const log: string[] = [];
      const run = (name: string) =>
        db.runTransaction(async (tx) => {
          log.push(`${name} start`);
          const n = (await tx.collection('items').doc('c').get()).data?.n as number;
          await new Promise((resolve) => setTimeout(resolve, 10));
          await tx.collection('items').doc('c').update({ n: n + 1 });
          log.push(`${name} end`);
        });
      await Promise.all([run('a'), run('b'), run('c')]);
      expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
      expect((await items().doc('c').get()).data[0]).toMatchObject({ n: 3 });
    });

    it('runs the callback again when a plain write changed a document it read, so no update is lost', async () => {
      let runs = 0;
      await db.runTransaction(async (tx) => {
        runs++;
        const n = (await tx.collection('items').doc('c').get()).data?.n as number;
        if (runs === 1) await items().doc('c').update({ n: _().inc(10) });
        await tx.collection('items').doc('c').update({ n: n + 1 });
      });
      expect(runs).toBe(2);
      expect((await items().doc('c').get()).data[0]).toMatchObject({ n: 11 });
    });

    it('gives up with DATABASE_TRANSACTION_CONFLICT after three retries, like the SDK', async () => {
      let runs = 0;
      await expect(
        db.runTransaction(async (tx) => {
          runs++;
          await tx.collection('items').doc('c').get();
          await items().doc('c').update({ n: _().inc(1) });
          await tx.collection('items').doc('c').update({ touched: true });
        }),
      ).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
      expect(runs).toBe(4);
      expect((await items().doc('c').get()).data[0]).toEqual({ _id: 'c', n: 4 });
    });

    it('runs a transaction started inside another at once and on its own, instead of waiting for itself', async () => {
      const result = await db.runTransaction(async (tx) => {
        const n = (await tx.collection('items').doc('c').get()).data?.n as number;
        const inner = await db.runTransaction(async (inner) => {
          await inner.collection('others').add({ _id: 'log', n });
          return 'inner done';
        });
        await tx.collection('items').doc('c').update({ n: n + 1 });
        return inner;
      });
      expect(result).toBe('inner done');
      expect((await items().doc('c').get()).data[0]).toMatchObject({ n: 1 });
      expect((await db.collection('others').doc('log').get()).data[0]).toMatchObject({ n: 0 });
    });

    it('reruns the outer transaction when an inner one changed a document the outer one read', async () => {
      let runs = 0;
      await db.runTransaction(async (tx) => {
        runs++;
        const n = (await tx.collection('items').doc('c').get()).data?.n as number;
        if (runs === 1) {
          await db.runTransaction(async (inner) => {
            await inner.collection('items').doc('c').update({ n: db.command.inc(5) });
          });
        }
        await tx.collection('items').doc('c').update({ n: n * 10 });
      });
      expect(runs).toBe(2);
      expect((await items().doc('c').get()).data[0]).toMatchObject({ n: 50 });
    });

    it('refuses to be used after it has ended', async () => {
      let saved: Parameters<Parameters<Database['runTransaction']>[0]>[0] | undefined;
      await db.runTransaction(async (tx) => {
        saved = tx;
      });
      await expect(saved?.collection('items').doc('c').get()).rejects.toThrow(/ended/);
    });

    it('rejects adding an _id that exists, inside a transaction too, and writes nothing', async () => {
      await expect(
        db.runTransaction(async (tx) => {
          await tx.collection('items').add({ _id: 'new' });
          await tx.collection('items').add({ _id: 'c' });
        }),
      ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
      expect((await items().doc('new').get()).data).toEqual([]);
    });
  });

  it('answers concurrent plain operations correctly', async () => {
    await Promise.all([...Array(200).keys()].map((i) => items().add({ _id: `k${i}`, i, even: i % 2 === 0 })));
    const [count, evens, updated] = await Promise.all([
      items().count(),
      items().where({ even: true }).limit(1000).get(),
      items().where({ i: _().lt(10) }).update({ low: true }),
    ]);
    expect(count.total).toBe(200);
    expect(evens.data).toHaveLength(100);
    expect(updated.updated).toBe(10);
  });
});
