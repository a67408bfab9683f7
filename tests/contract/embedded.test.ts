import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../cloudfunctions/_runtime/database';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../../host/db';
import { describeDatabaseContract, ids } from './contract';

describeDatabaseContract(
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
