/**
 * The database contract: what the functions may rely on from `Database` (cloudfunctions/_platform/database.ts),
 * written once and run against the embedded engine (embedded.test.ts) and, when credentials are given,
 * against a real CloudBase environment (cloudbase.test.ts). Only rules that hold for both belong here;
 * engine-only behaviour is pinned in embedded.test.ts.
 */
import type { Collection, Command, Database, DocData, GetResult } from '../../cloudfunctions/_platform/database';

/** The collections the contract uses; a backend that needs them to exist creates these. */
export const CONTRACT_COLLECTIONS = ['items', 'others'] as const;

export type Open = () => Promise<Database>;
export type Cleanup = (db: Database) => Promise<void> | void;

/** database.ts types commands as opaque objects; the SDK's field commands also chain `.and()` / `.or()`. */
type Chainable = Command & { and(...conditions: Command[]): Command; or(...conditions: Command[]): Command };
const chain = (cmd: Command): Chainable => cmd as Chainable;

export const ids = (r: GetResult): string[] => r.data.map((d) => d._id);
export const sortedIds = (r: GetResult): string[] => ids(r).sort();

/** Runs `work` over `items`, at most `width` at a time. */
export async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/** Registers the contract suite. `open` runs before each test (an empty database), `cleanup` after it. */
export function describeDatabaseContract(name: string, open: Open, cleanup: Cleanup): void {
  describe(`database contract: ${name}`, () => {
    let current: Database | null = null;
    const db = (): Database => {
      if (current === null) throw new Error('database not open');
      return current;
    };
    const items = (): Collection => db().collection('items');
    /** adds the documents one after another, so that insertion order is theirs */
    const seed = async (docs: DocData[], collection = 'items'): Promise<void> => {
      for (const doc of docs) await db().collection(collection).add(doc);
    };
    /** adds `n` documents `{ _id: 'd0000', i: 0 }`... concurrently */
    const seedMany = (n: number): Promise<void> =>
      inBatches([...Array(n).keys()], 25, (i) => items().add({ _id: `d${String(i).padStart(4, '0')}`, i }));
    const one = async (id: string, collection = 'items'): Promise<DocData | undefined> =>
      (await db().collection(collection).doc(id).get()).data[0];

    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      if (current !== null) await cleanup(current);
      current = null;
    });

    describe('adding and reading documents', () => {
      it('answers the id of an added document, under which doc(id).get() reads it back', async () => {
        const { id } = await items().add({ name: 'a' });
        expect(typeof id).toBe('string');
        expect(await items().doc(id).get()).toMatchObject({ data: [{ _id: id, name: 'a' }] });
      });

      it('uses the _id that the added document brings', async () => {
        expect(await items().add({ _id: 'mine', name: 'a' })).toMatchObject({ id: 'mine' });
        expect(await one('mine')).toEqual({ _id: 'mine', name: 'a' });
      });

      it('gives every document added without _id a different id', async () => {
        const added = await Promise.all([1, 2, 3, 4, 5].map((n) => items().add({ n })));
        expect(new Set(added.map((a) => a.id)).size).toBe(5);
      });

      it('rejects adding a document whose _id is taken, and keeps the first one', async () => {
        await items().add({ _id: 'x', v: 1 });
        await expect(items().add({ _id: 'x', v: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
        expect(await one('x')).toEqual({ _id: 'x', v: 1 });
      });

      it('stores a copy, so changing the added object afterwards changes nothing stored', async () => {
        const doc = { _id: 'x', nested: { v: 1 }, list: [1] };
        await items().add(doc);
        doc.nested.v = 2;
        doc.list.push(2);
        expect(await one('x')).toEqual({ _id: 'x', nested: { v: 1 }, list: [1] });
      });

      it('leaves out fields whose value is undefined', async () => {
        await items().add({ _id: 'x', a: 1, b: undefined });
        expect(await one('x')).toEqual({ _id: 'x', a: 1 });
      });

      it('gives back strings, numbers, booleans, null, arrays and nested objects as they were stored', async () => {
        const doc = { _id: 'x', s: '回访', n: -1.5, z: 0, t: true, f: false, nil: null, list: [1, 'a', { b: [2] }], o: { p: { q: 'r' } } };
        await items().add(doc);
        expect(await one('x')).toEqual(doc);
      });

      it('gives back a Date as a Date', async () => {
        await items().add({ _id: 'x', at: new Date('2026-03-01T02:00:00.000Z') });
        const got = await one('x');
        expect(got?.at).toBeInstanceOf(Date);
        expect((got?.at as Date).toISOString()).toBe('2026-03-01T02:00:00.000Z');
      });

      it('answers { data: [] } from doc(id).get() when there is no such document', async () => {
        expect(await items().doc('missing').get()).toMatchObject({ data: [] });
      });

      it('answers copies, so changing a read document changes nothing stored', async () => {
        await items().add({ _id: 'x', nested: { v: 1 } });
        const first = await one('x');
        (first?.nested as { v: number }).v = 2;
        const [viaQuery] = (await items().where({ _id: 'x' }).get()).data;
        (viaQuery.nested as { v: number }).v = 3;
        expect(await one('x')).toEqual({ _id: 'x', nested: { v: 1 } });
      });
    });

    describe('where conditions', () => {
      beforeEach(() =>
        seed([
          { _id: 'a', kind: 'x', n: { b: 1, c: 2 }, tags: ['red', 'blue'], v: 1 },
          { _id: 'b', kind: 'y', n: { b: 2 }, tags: ['blue'], v: 2, opt: null },
          { _id: 'c', kind: 'x', n: { b: 3 }, tags: ['red', 'blue', 'green'], v: 3, opt: 'set' },
        ]),
      );

      it('matches a top-level field by equality', async () => {
        expect(sortedIds(await items().where({ kind: 'x' }).get())).toEqual(['a', 'c']);
      });

      it('matches a nested field when the condition is a plain object, ignoring the other nested fields', async () => {
        expect(ids(await items().where({ n: { b: 1 } }).get())).toEqual(['a']);
      });

      it('matches a nested field given as a dotted path', async () => {
        expect(ids(await items().where({ 'n.b': 2 }).get())).toEqual(['b']);
      });

      it('compares an array condition with the whole array, order included', async () => {
        expect(ids(await items().where({ tags: ['red', 'blue'] }).get())).toEqual(['a']);
        expect(ids(await items().where({ tags: ['blue', 'red'] }).get())).toEqual([]);
      });

      it('matches an array field that contains a scalar condition value', async () => {
        expect(sortedIds(await items().where({ tags: 'red' }).get())).toEqual(['a', 'c']);
      });

      it('matches null against fields that are null or missing', async () => {
        expect(sortedIds(await items().where({ opt: null }).get())).toEqual(['a', 'b']);
      });

      it('leaves out conditions whose value is undefined', async () => {
        expect(sortedIds(await items().where({ kind: 'x', v: undefined }).get())).toEqual(['a', 'c']);
      });

      it('combines several fields with and', async () => {
        expect(ids(await items().where({ kind: 'x', 'n.b': 3 }).get())).toEqual(['c']);
      });

      it('matches every document when the condition is empty', async () => {
        expect(sortedIds(await items().where({}).get())).toEqual(['a', 'b', 'c']);
      });

      it('replaces the earlier condition when where is called again', async () => {
        expect(ids(await items().where({ kind: 'y' }).where({ v: 3 }).get())).toEqual(['c']);
      });

      it('throws at once when the condition is not an object', () => {
        expect(() => items().where(null as unknown as DocData)).toThrow();
        expect(() => items().where('kind' as unknown as DocData)).toThrow();
      });
    });

    describe('query commands', () => {
      const _ = () => db().command;
      beforeEach(() =>
        seed([
          { _id: 'a', v: 1, s: 'apple', at: new Date('2026-01-01T00:00:00Z'), tags: ['red'], n: { w: 10 }, list: [{ k: 'p', q: 1 }, { k: 'r', q: 9 }] },
          { _id: 'b', v: 5, s: 'banana', at: new Date('2026-02-01T00:00:00Z'), tags: ['red', 'blue'], n: { w: 20 }, list: [{ k: 'p', q: 7 }] },
          { _id: 'c', v: 9, s: 'cherry', at: new Date('2026-03-01T00:00:00Z'), tags: [], n: { w: 30 } },
          { _id: 'd', s: 'date', tags: ['blue', 'red', 'green'] },
        ]),
      );
      const where = async (condition: DocData | Command) => sortedIds(await items().where(condition).get());

      it('eq matches equal values; neq matches the others, including documents without the field', async () => {
        expect(await where({ v: _().eq(5) })).toEqual(['b']);
        expect(await where({ v: _().neq(5) })).toEqual(['a', 'c', 'd']);
      });

      it('gt, gte, lt and lte compare numbers and skip documents without the field', async () => {
        expect(await where({ v: _().gt(1) })).toEqual(['b', 'c']);
        expect(await where({ v: _().gte(5) })).toEqual(['b', 'c']);
        expect(await where({ v: _().lt(5) })).toEqual(['a']);
        expect(await where({ v: _().lte(5) })).toEqual(['a', 'b']);
      });

      it('gt and lt compare strings and Dates too', async () => {
        expect(await where({ s: _().gt('banana') })).toEqual(['c', 'd']);
        expect(await where({ at: _().lt(new Date('2026-02-01T00:00:00Z')) })).toEqual(['a']);
        expect(await where({ at: new Date('2026-02-01T00:00:00Z') })).toEqual(['b']);
      });

      it('in matches values in the list; nin the others, including documents without the field', async () => {
        expect(await where({ v: _().in([1, 9]) })).toEqual(['a', 'c']);
        expect(await where({ v: _().nin([1, 9]) })).toEqual(['b', 'd']);
        expect(await where({ tags: _().in(['blue']) })).toEqual(['b', 'd']);
      });

      it('exists tells present fields from missing ones', async () => {
        expect(await where({ v: _().exists(true) })).toEqual(['a', 'b', 'c']);
        expect(await where({ v: _().exists(false) })).toEqual(['d']);
      });

      it('size matches arrays of exactly that length', async () => {
        expect(await where({ tags: _().size(2) })).toEqual(['b']);
        expect(await where({ tags: _().size(0) })).toEqual(['c']);
      });

      it('all matches arrays that contain every listed value, in any order', async () => {
        expect(await where({ tags: _().all(['red', 'blue']) })).toEqual(['b', 'd']);
      });

      it('elemMatch needs one array element that meets every condition', async () => {
        expect(await where({ list: _().elemMatch({ k: 'p', q: _().gt(5) }) })).toEqual(['b']);
        expect(await where({ list: _().elemMatch({ q: _().gt(5) }) })).toEqual(['a', 'b']);
      });

      it('and given to where needs every condition', async () => {
        expect(await where(_().and({ tags: 'red' }, { v: _().gt(1) }))).toEqual(['b']);
        expect(await where(_().and([{ tags: 'red' }, _().or({ v: 1 }, { s: 'date' })]))).toEqual(['a', 'd']);
      });

      it('or given to where needs any condition, given as arguments or as one array', async () => {
        expect(await where(_().or({ v: 1 }, { s: 'date' }))).toEqual(['a', 'd']);
        expect(await where(_().or([{ v: 1 }, { n: { w: 30 } }]))).toEqual(['a', 'c']);
      });

      it('and chained on a field command bounds the field from both sides', async () => {
        expect(await where({ v: chain(_().gt(1)).and(_().lt(9)) })).toEqual(['b']);
        expect(await where({ v: _().and(_().gte(5), _().lte(9)) })).toEqual(['b', 'c']);
      });

      it('or chained on a field command matches either side', async () => {
        expect(await where({ v: chain(_().lt(2)).or(_().gt(8)) })).toEqual(['a', 'c']);
      });

      it('or on a field still requires the other fields of the condition', async () => {
        expect(await where({ tags: 'red', v: chain(_().lt(2)).or(_().gt(8)) })).toEqual(['a']);
      });

      it('applies a command inside a nested plain object to the nested field', async () => {
        expect(await where({ n: { w: _().gte(20) } })).toEqual(['b', 'c']);
      });
    });

    describe('range commands', () => {
      const _ = () => db().command;
      const where = async (condition: DocData | Command) => sortedIds(await items().where(condition).get());
      beforeEach(() =>
        seed([
          { _id: 'n1', v: 1 },
          { _id: 'n5', v: 5 },
          { _id: 'n9', v: 9.5 },
          { _id: 'neg', v: -2 },
          { _id: 's3', v: '3' },
          { _id: 'sb', v: 'b' },
          { _id: 'nul', v: null },
          { _id: 'none' },
          { _id: 'yes', v: true },
          { _id: 'obj', v: { w: 1 } },
          { _id: 'mix', v: [20, 'a'] },
          { _id: 'wide', v: [0, 30] },
          { _id: 'strs', v: ['a', 'c'] },
          { _id: 'empty', v: [] },
        ]),
      );

      it('compares numbers only with numbers, leaving out strings, null, missing fields, booleans and objects', async () => {
        expect(await where({ v: _().lt(5) })).toEqual(['n1', 'neg', 'wide']);
        expect(await where({ v: _().lte(5) })).toEqual(['n1', 'n5', 'neg', 'wide']);
        expect(await where({ v: _().gt(5) })).toEqual(['mix', 'n9', 'wide']);
        expect(await where({ v: _().gte(-100) })).toEqual(['mix', 'n1', 'n5', 'n9', 'neg', 'wide']);
      });

      it('compares strings only with strings, leaving out numbers', async () => {
        expect(await where({ v: _().lt('c') })).toEqual(['mix', 's3', 'sb', 'strs']);
        expect(await where({ v: _().gt('a') })).toEqual(['sb', 'strs']);
        expect(await where({ v: _().gte('') })).toEqual(['mix', 's3', 'sb', 'strs']);
      });

      it('matches an array field when one of its elements is in range', async () => {
        expect(await where({ v: _().gt(25) })).toEqual(['wide']);
        expect(await where({ v: _().lte('a') })).toEqual(['mix', 's3', 'strs']);
      });

      it('lets each bound of a chained range be met by a different element of an array', async () => {
        expect(await where({ v: chain(_().gt(0)).and(_().lt(10)) })).toEqual(['n1', 'n5', 'n9', 'wide']);
        expect(await where({ v: chain(_().gt(0)).and(_().lt('z')) })).toEqual(['mix']);
      });

      it('combines a range with an equality on another field', async () => {
        await seed([{ _id: 'k1', v: 2, kind: 'k' }, { _id: 'k2', v: 7, kind: 'k' }], 'items');
        expect(await where({ v: _().lt(5), kind: 'k' })).toEqual(['k1']);
        expect(await where({ kind: 'k', v: chain(_().gt(1)).and(_().lte(7)) })).toEqual(['k1', 'k2']);
      });

      it('answers a range sorted by the same field, with skip and limit, as the matches in that order', async () => {
        const due = [17, 3, 40, 8, 25, 1, 33, 12, 5, 29, 21];
        await seed(due.map((at, i) => ({ _id: `t${i}`, at, group: i % 2 ? 'odd' : 'even' })));
        await seed([{ _id: 'late-text', at: '2' }, { _id: 'no-at' }, { _id: 'null-at', at: null }, { _id: 'flag', at: false }]);
        const page = (q: ReturnType<Collection['where']>) => q.get().then((r) => r.data.map((d) => d.at));
        expect(await page(items().where({ at: _().lt(30) }).orderBy('at', 'asc').limit(4))).toEqual([1, 3, 5, 8]);
        expect(await page(items().where({ at: _().lt(30) }).orderBy('at', 'desc').limit(3))).toEqual([29, 25, 21]);
        expect(await page(items().where({ at: _().gte(5) }).orderBy('at', 'asc').skip(2).limit(3))).toEqual([12, 17, 21]);
        expect(await page(items().where({ at: _().gt(4), group: 'odd' }).orderBy('at', 'asc').limit(2))).toEqual([8, 12]);
        expect(await page(items().where({ at: chain(_().gt(3)).and(_().lt(25)) }).orderBy('at', 'desc').limit(10))).toEqual([
          21, 17, 12, 8, 5,
        ]);
      });
    });

    describe('ordering, paging, projection and counting', () => {
      it('sorts ascending and descending by a field', async () => {
        await seed([{ _id: 'a', v: 2 }, { _id: 'b', v: 3 }, { _id: 'c', v: 1 }]);
        expect(ids(await items().orderBy('v', 'asc').get())).toEqual(['c', 'a', 'b']);
        expect(ids(await items().orderBy('v', 'desc').get())).toEqual(['b', 'a', 'c']);
      });

      it('sorts by several fields, the first given deciding first', async () => {
        await seed([
          { _id: 'a', g: 2, v: 1 },
          { _id: 'b', g: 1, v: 1 },
          { _id: 'c', g: 2, v: 3 },
          { _id: 'd', g: 1, v: 2 },
        ]);
        expect(ids(await items().orderBy('g', 'asc').orderBy('v', 'desc').get())).toEqual(['d', 'b', 'c', 'a']);
        expect(ids(await items().orderBy('v', 'asc').orderBy('g', 'desc').get())).toEqual(['a', 'b', 'd', 'c']);
      });

      it('sorts by a nested field path', async () => {
        await seed([{ _id: 'a', n: { w: 2 } }, { _id: 'b', n: { w: 1 } }, { _id: 'c', n: { w: 3 } }]);
        expect(ids(await items().orderBy('n.w', 'asc').get())).toEqual(['b', 'a', 'c']);
      });

      it('sorts by _id, and strings in code-point order', async () => {
        await seed([{ _id: 'b' }, { _id: 'B' }, { _id: 'a' }, { _id: 'a1' }]);
        expect(ids(await items().orderBy('_id', 'asc').get())).toEqual(['B', 'a', 'a1', 'b']);
      });

      it('skips and limits after sorting', async () => {
        await seed([5, 3, 1, 4, 2].map((v) => ({ _id: `v${v}`, v })));
        expect(ids(await items().orderBy('v', 'asc').skip(1).limit(2).get())).toEqual(['v2', 'v3']);
        expect(ids(await items().orderBy('v', 'desc').skip(4).limit(10).get())).toEqual(['v1']);
      });

      it('answers at most 100 documents when no limit is set', async () => {
        await seedMany(105);
        expect((await items().get()).data).toHaveLength(100);
        expect((await items().limit(105).get()).data).toHaveLength(105);
      });

      it('answers at most 1000 documents even when the limit is higher', async () => {
        await seedMany(1003);
        const page = await items().orderBy('i', 'asc').limit(5000).get();
        expect(page.data).toHaveLength(1000);
        expect(page.data[999]).toMatchObject({ i: 999 });
        expect((await items().orderBy('i', 'asc').skip(1000).limit(1000).get()).data).toHaveLength(3);
      }, 120_000);

      it('field answers only the fields asked for, plus _id', async () => {
        await seed([{ _id: 'a', x: 1, y: 2, n: { p: 1, q: 2 } }]);
        expect((await items().field({ x: true, 'n.q': true }).get()).data).toEqual([{ _id: 'a', x: 1, n: { q: 2 } }]);
      });

      it('field with false leaves the named fields out', async () => {
        await seed([{ _id: 'a', x: 1, y: 2, z: 3 }]);
        expect((await items().field({ y: false, z: false }).get()).data).toEqual([{ _id: 'a', x: 1 }]);
      });

      it('count answers the number of matches, whatever skip and limit say', async () => {
        await seed([1, 2, 3, 4, 5].map((v) => ({ v })));
        expect(await items().count()).toMatchObject({ total: 5 });
        expect(await items().where({ v: db().command.gt(2) }).skip(1).limit(1).count()).toMatchObject({ total: 3 });
      });
    });

    describe('updating', () => {
      const _ = () => db().command;
      beforeEach(() => seed([{ _id: 'x', n: { a: 1, b: 2 }, list: [1, 2, 3], count: 10, name: 'old' }]));

      it('sets only the nested field when the update data is a plain object', async () => {
        expect(await items().doc('x').update({ n: { a: 5 } })).toMatchObject({ updated: 1 });
        expect(await one('x')).toMatchObject({ n: { a: 5, b: 2 }, name: 'old' });
      });

      it('sets a nested field given as a dotted path, creating missing objects on the way', async () => {
        await items().doc('x').update({ 'n.b': 7, 'deep.er.est': true });
        expect(await one('x')).toMatchObject({ n: { a: 1, b: 7 }, deep: { er: { est: true } } });
      });

      it('replaces the whole field with _.set', async () => {
        await items().doc('x').update({ n: _().set({ c: 3 }) });
        expect((await one('x'))?.n).toEqual({ c: 3 });
      });

      it('replaces an array given as a plain value instead of merging it', async () => {
        await items().doc('x').update({ list: [9] });
        expect((await one('x'))?.list).toEqual([9]);
      });

      it('ignores an empty plain object in the update data', async () => {
        await items().doc('x').update({ n: {}, name: 'new' });
        expect(await one('x')).toMatchObject({ n: { a: 1, b: 2 }, name: 'new' });
      });

      it('deletes the field with _.remove', async () => {
        await items().doc('x').update({ name: _().remove(), n: { a: _().remove() } });
        expect(await one('x')).toEqual({ _id: 'x', n: { b: 2 }, list: [1, 2, 3], count: 10 });
      });

      it('adds with _.inc (a missing field counts as 0) and multiplies with _.mul', async () => {
        await items().doc('x').update({ count: _().inc(5), fresh: _().inc(3), n: { b: _().mul(4) } });
        expect(await one('x')).toMatchObject({ count: 15, fresh: 3, n: { a: 1, b: 8 } });
      });

      it('appends one value with _.push(value) and each value with _.push([a, b])', async () => {
        await items().doc('x').update({ list: _().push(4) });
        await items().doc('x').update({ list: _().push([5, 6]) });
        await items().doc('x').update({ other: _().push(['a']) });
        expect(await one('x')).toMatchObject({ list: [1, 2, 3, 4, 5, 6], other: ['a'] });
      });

      it('inserts at a position with _.push({ each, position })', async () => {
        await items().doc('x').update({ list: _().push({ each: [0, 0.5], position: 0 }) });
        expect((await one('x'))?.list).toEqual([0, 0.5, 1, 2, 3]);
      });

      it('removes matching elements with _.pull(value) and _.pull(command)', async () => {
        await items().doc('x').update({ list: _().pull(2) });
        expect((await one('x'))?.list).toEqual([1, 3]);
        await items().doc('x').update({ list: _().push([4, 5, 6]) });
        await items().doc('x').update({ list: _().pull(_().in([1, 5])) });
        expect((await one('x'))?.list).toEqual([3, 4, 6]);
        await items().doc('x').update({ list: _().pull(_().gt(3)) });
        expect((await one('x'))?.list).toEqual([3]);
      });

      it('adds an element with _.addToSet only when the array lacks it', async () => {
        await items().doc('x').update({ list: _().addToSet(3) });
        await items().doc('x').update({ list: _().addToSet(4) });
        await items().doc('x').update({ list: _().addToSet({ $each: [4, 5] }) });
        expect((await one('x'))?.list).toEqual([1, 2, 3, 4, 5]);
      });

      it('stores a Date given in update data as a Date', async () => {
        await items().doc('x').update({ at: new Date(86_400_000) });
        expect((await one('x'))?.at).toEqual(new Date(86_400_000));
      });

      it('answers { updated: 0 } and creates nothing when the document is missing', async () => {
        expect(await items().doc('missing').update({ name: 'new' })).toMatchObject({ updated: 0 });
        expect(await items().doc('missing').get()).toMatchObject({ data: [] });
      });

      it('answers { updated: 0 } when the data changes nothing', async () => {
        expect(await items().doc('x').update({ name: 'old', n: { a: 1 } })).toMatchObject({ updated: 0 });
      });

      it('rejects update data that contains _id, with INVALID_PARAM', async () => {
        await expect(items().doc('x').update({ _id: 'y', name: 'new' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
        await expect(items().where({ _id: 'x' }).update({ _id: 'y' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
        expect(await one('x')).toMatchObject({ name: 'old' });
      });

      it('updates every match of where().update() and answers how many changed', async () => {
        await seed([{ _id: 'y', count: 1 }, { _id: 'z', count: 2 }, { _id: 'w', count: 3 }]);
        expect(await items().where({ count: _().lte(3) }).update({ flag: true })).toMatchObject({ updated: 3 });
        expect(sortedIds(await items().where({ flag: true }).get())).toEqual(['w', 'y', 'z']);
      });

      it('ignores skip and limit in where().update()', async () => {
        await seed([{ _id: 'y', count: 1 }, { _id: 'z', count: 2 }]);
        const res = await items().where({ count: _().lt(5) }).orderBy('count', 'asc').skip(1).limit(1).update({ flag: 1 });
        expect(res).toMatchObject({ updated: 2 });
      });

      it('applies _.inc atomically when many updates run at once', async () => {
        await Promise.all([...Array(20).keys()].map(() => items().doc('x').update({ count: _().inc(1) })));
        expect(await one('x')).toMatchObject({ count: 30 });
      });
    });

    describe('setting and removing', () => {
      it('set replaces the whole document and keeps its _id', async () => {
        await seed([{ _id: 'x', a: 1, b: 2 }]);
        expect(await items().doc('x').set({ c: 3 })).toMatchObject({ updated: 1 });
        expect(await one('x')).toEqual({ _id: 'x', c: 3 });
      });

      it('set creates a missing document and answers its id as upsertedId', async () => {
        expect(await items().doc('new').set({ a: 1 })).toMatchObject({ updated: 0, upsertedId: 'new' });
        expect(await one('new')).toEqual({ _id: 'new', a: 1 });
      });

      it('set rejects data that contains _id, with INVALID_PARAM', async () => {
        await expect(items().doc('x').set({ _id: 'x', a: 1 })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
      });

      it('set rejects data that contains update commands', async () => {
        await expect(items().doc('x').set({ a: db().command.inc(1) })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
      });

      it('doc(id).remove() deletes the document: { deleted: 1 }, or { deleted: 0 } when missing', async () => {
        await seed([{ _id: 'x' }, { _id: 'y' }]);
        expect(await items().doc('x').remove()).toMatchObject({ deleted: 1 });
        expect(await items().doc('x').remove()).toMatchObject({ deleted: 0 });
        expect(ids(await items().get())).toEqual(['y']);
      });

      it('where().remove() deletes every match and answers how many', async () => {
        await seed([1, 2, 3, 4].map((v) => ({ _id: `v${v}`, v })));
        expect(await items().where({ v: db().command.gte(3) }).remove()).toMatchObject({ deleted: 2 });
        expect(sortedIds(await items().get())).toEqual(['v1', 'v2']);
      });

      it('keeps collections apart', async () => {
        await seed([{ _id: 'x', where: 'items' }]);
        await seed([{ _id: 'x', where: 'others' }], 'others');
        await db().collection('others').doc('x').remove();
        expect(await one('x')).toEqual({ _id: 'x', where: 'items' });
      });
    });

    describe('transactions', () => {
      const _ = () => db().command;
      beforeEach(() => seed([{ _id: 'acct', balance: 100 }, { _id: 'other', balance: 0 }]));

      it('commits every write when the callback resolves, and answers what the callback returned', async () => {
        const result = await db().runTransaction(async (tx) => {
          await tx.collection('items').doc('acct').update({ balance: _().inc(-30) });
          await tx.collection('items').doc('other').update({ balance: _().inc(30) });
          await tx.collection('others').add({ _id: 'log1', amount: 30 });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await one('acct')).toMatchObject({ balance: 70 });
        expect(await one('other')).toMatchObject({ balance: 30 });
        expect(await one('log1', 'others')).toMatchObject({ amount: 30 });
      });

      it('writes nothing when the callback throws, and rejects with that error', async () => {
        const boom = new Error('boom');
        await expect(
          db().runTransaction(async (tx) => {
            await tx.collection('items').doc('acct').update({ balance: _().inc(-30) });
            await tx.collection('others').add({ _id: 'log1' });
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await one('acct')).toMatchObject({ balance: 100 });
        expect(await one('log1', 'others')).toBeUndefined();
      });

      it('writes nothing after tx.rollback(reason), and rejects with the reason', async () => {
        await expect(
          db().runTransaction(async (tx) => {
            await tx.collection('items').doc('acct').set({ balance: 0 });
            await tx.rollback('insufficient');
          }),
        ).rejects.toBe('insufficient');
        expect(await one('acct')).toMatchObject({ balance: 100 });
      });

      it('answers { data: doc } from doc(id).get() in a transaction, and { data: null } when missing', async () => {
        const got = await db().runTransaction(async (tx) => [
          await tx.collection('items').doc('acct').get(),
          await tx.collection('items').doc('missing').get(),
        ]);
        expect(got[0]).toMatchObject({ data: { _id: 'acct', balance: 100 } });
        expect(got[1]).toMatchObject({ data: null });
      });

      it('lets the callback read its own writes before they are committed', async () => {
        const seen = await db().runTransaction(async (tx) => {
          const items = tx.collection('items');
          await items.doc('acct').update({ balance: _().inc(1) });
          await items.doc('new').set({ v: 1 });
          await items.doc('other').delete();
          const { id } = await items.add({ v: 2 });
          return Promise.all(['acct', 'new', 'other', id].map(async (docId) => (await items.doc(docId).get()).data));
        });
        expect(seen[0]).toMatchObject({ balance: 101 });
        expect(seen[1]).toMatchObject({ v: 1 });
        expect(seen[2]).toBeNull();
        expect(seen[3]).toMatchObject({ v: 2 });
      });

      it('keeps its writes from plain reads until it commits', async () => {
        let during: unknown;
        await db().runTransaction(async (tx) => {
          await tx.collection('items').doc('acct').update({ balance: 0 });
          during = await one('acct');
        });
        expect(during).toMatchObject({ balance: 100 });
        expect(await one('acct')).toMatchObject({ balance: 0 });
      });

      it('answers { id, inserted: 1, ok: 1 } from add, { updated } from update and { deleted } from delete', async () => {
        const results = await db().runTransaction(async (tx) => {
          const items = tx.collection('items');
          return [await items.add({ _id: 'added' }), await items.doc('acct').update({ balance: 1 }), await items.doc('other').delete()];
        });
        expect(results).toMatchObject([{ id: 'added', inserted: 1, ok: 1 }, { updated: 1 }, { deleted: 1 }]);
      });

      it('does not lose updates when transactions run concurrently', async () => {
        const transfer = () =>
          db().runTransaction(async (tx) => {
            const { data } = await tx.collection('items').doc('acct').get();
            const balance = (data?.balance as number) - 10;
            await new Promise((resolve) => setTimeout(resolve, 5));
            await tx.collection('items').doc('acct').update({ balance });
          });
        await Promise.all([transfer(), transfer(), transfer()]);
        expect(await one('acct')).toMatchObject({ balance: 70 });
      });
    });
  });
}
