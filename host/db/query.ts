/**
 * Collections and queries outside transactions. Builders are immutable (each call answers a new query),
 * like the SDK; every operation runs synchronously against SQLite, so it cannot interleave with another.
 */
import { Query as MingoQuery } from 'mingo';
import {
  DEFAULT_PAGE,
  MAX_PAGE,
  type AddResult,
  type Collection,
  type Command,
  type CountResult,
  type DocData,
  type DocumentReference,
  type GetResult,
  type Query,
  type RemoveResult,
  type SetResult,
  type UpdateResult,
  type Doc,
} from '../../cloudfunctions/_platform/database';
import { docAdd, docGet, docId, docRemove, docSet, docUpdate, storeAccess } from './document';
import { applyModifier, translateUpdate } from './modifier';
import { noteQuery } from './queryLog';
import { normalizeProjection, projectDocs, sortDocs, type OrderKey, type Projection } from './order';
import type { Row, Store } from './store';
import { decodeDoc, encodeDoc, invalidParam } from './values';
import { numberSlack, prefilterCandidates, translateWhere, type Criteria } from './where';

interface QueryState {
  criteria: Criteria;
  order: OrderKey[];
  offset: number;
  limit: number;
  projection: Projection | null;
}

interface Match {
  doc: Doc;
  text: string;
}

/** The rows' documents that match, in the rows' order. */
function matchRows(rows: Row[], criteria: Criteria): Match[] {
  const matches = rows.map((row) => ({ doc: decodeDoc(row.doc), text: row.doc }));
  if (Object.keys(criteria).length === 0) return matches;
  const query = new MingoQuery(criteria, {});
  return matches.filter((m) => query.test(m.doc));
}

/** Every document of the collection that matches, in insertion order. */
export function findMatching(store: Store, collection: string, criteria: Criteria): Match[] {
  return matchRows(store.scan(collection, prefilterCandidates(criteria)), criteria);
}

/**
 * The matches that can be among the first `want` when sorted with `key` first, in insertion order;
 * every match when the scan cannot be narrowed that way. Sorting them and taking the first `want`
 * gives what sorting every match would.
 *
 * When a numeric range on `key.field` drives the scan, SQLite hands out the rows in range by value. A
 * document that matches a range command on numbers without being an array holds a number there, which
 * is also its sort key, so after `want` such matches, any match further on sorts strictly after them:
 * reading stops at the first row beyond the last one's value (beyond the slack, so rows that tie with it
 * or that SQLite might round differently are still read). Arrays sort by an element, so all of those
 * that match are kept.
 */
function findFirstMatching(store: Store, collection: string, criteria: Criteria, key: OrderKey, want: number): Match[] {
  const scan = store.scanByKey(collection, prefilterCandidates(criteria), key, want);
  if ('rows' in scan) return matchRows(scan.rows, criteria);
  const query = new MingoQuery(criteria, {});
  const found: (Match & { seq: number })[] = [];
  const take = (row: Row): boolean => {
    const doc = decodeDoc(row.doc);
    if (!query.test(doc)) return false;
    found.push({ doc, text: row.doc, seq: row.seq });
    return true;
  };
  for (const row of scan.arrays) take(row);
  let taken = 0;
  let edge: number | null = null;
  for (const row of scan.byKey) {
    if (edge !== null && (row.key - edge) * key.direction > numberSlack(edge) * 2) break;
    if (take(row) && ++taken === want) edge = row.key;
  }
  return found.sort((a, b) => a.seq - b.seq);
}

function nonNegativeInteger(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalidParam(`${what} takes a non-negative integer`);
  return n;
}

export class EmbeddedQuery implements Query {
  constructor(
    protected readonly store: Store,
    readonly name: string,
    protected readonly state: QueryState = { criteria: {}, order: [], offset: 0, limit: 0, projection: null },
  ) {}

  private with(change: Partial<QueryState>): EmbeddedQuery {
    return new EmbeddedQuery(this.store, this.name, { ...this.state, ...change });
  }

  /** Replaces the condition (a second `where` does not combine with the first, as in the SDK). */
  where(condition: DocData | Command): Query {
    return this.with({ criteria: translateWhere(condition) });
  }

  /** Adds a sort key after the earlier ones; ordering by the same field again changes its direction. */
  orderBy(field: string, direction: 'asc' | 'desc'): Query {
    if (typeof field !== 'string' || field === '') throw invalidParam('orderBy() takes a field path');
    if (direction !== 'asc' && direction !== 'desc') throw invalidParam('orderBy() direction is "asc" or "desc"');
    const key: OrderKey = { field, direction: direction === 'asc' ? 1 : -1 };
    const at = this.state.order.findIndex((k) => k.field === field);
    const order = at < 0 ? [...this.state.order, key] : this.state.order.map((k, i) => (i === at ? key : k));
    return this.with({ order });
  }

  skip(n: number): Query {
    return this.with({ offset: nonNegativeInteger(n, 'skip()') });
  }

  /** 0 (or no call) means the default page of 100; more than 1000 is cut to 1000. */
  limit(n: number): Query {
    return this.with({ limit: nonNegativeInteger(n, 'limit()') });
  }

  field(projection: Record<string, boolean | 0 | 1>): Query {
    return this.with({ projection: normalizeProjection(projection) });
  }

  async get(): Promise<GetResult> {
    const { criteria, order, offset, limit, projection } = this.state;
    noteQuery(this.name, criteria, order);
    const size = limit > 0 ? Math.min(limit, MAX_PAGE) : DEFAULT_PAGE;
    const matches =
      order.length > 0
        ? findFirstMatching(this.store, this.name, criteria, order[0], offset + size)
        : findMatching(this.store, this.name, criteria);
    const docs = sortDocs(
      matches.map((m) => m.doc),
      order,
    );
    return { data: projectDocs(docs.slice(offset, offset + size), projection) };
  }

  /** Counts every match; skip and limit do not apply. */
  async count(): Promise<CountResult> {
    const { criteria } = this.state;
    noteQuery(this.name, criteria, []);
    if (Object.keys(criteria).length === 0) return { total: this.store.count(this.name) };
    return { total: findMatching(this.store, this.name, criteria).length };
  }

  /** Updates every match (skip, limit and orderBy do not apply); counts documents that changed. */
  async update(data: DocData): Promise<UpdateResult> {
    const modifier = translateUpdate(data);
    noteQuery(this.name, this.state.criteria, []);
    this.store.ensure(this.name);
    const updated = this.store.atomically(() => {
      let changed = 0;
      for (const { doc, text } of findMatching(this.store, this.name, this.state.criteria)) {
        applyModifier(doc, modifier);
        const after = encodeDoc(doc._id, doc);
        if (after === text) continue;
        this.store.replace(this.name, doc._id, after);
        changed++;
      }
      return changed;
    });
    return { updated };
  }

  /** Removes every match (skip, limit and orderBy do not apply). */
  async remove(): Promise<RemoveResult> {
    noteQuery(this.name, this.state.criteria, []);
    this.store.ensure(this.name);
    const deleted = this.store.atomically(() => {
      let n = 0;
      for (const { doc } of findMatching(this.store, this.name, this.state.criteria)) {
        n += this.store.remove(this.name, doc._id);
      }
      return n;
    });
    return { deleted };
  }
}

export class EmbeddedCollection extends EmbeddedQuery implements Collection {
  constructor(store: Store, name: string) {
    super(store, name);
  }

  doc(id: string): DocumentReference {
    return new EmbeddedDocument(this.store, this.name, docId(id));
  }

  async add(data: DocData): Promise<AddResult> {
    return docAdd(storeAccess(this.store), this.name, data);
  }
}

export class EmbeddedDocument implements DocumentReference {
  constructor(
    private readonly store: Store,
    private readonly collection: string,
    readonly id: string,
  ) {}

  /** `{ data: [doc] }`, or `{ data: [] }` when there is no such document. */
  async get(): Promise<GetResult> {
    const doc = docGet(storeAccess(this.store), this.collection, this.id);
    return { data: doc === null ? [] : [doc] };
  }

  async set(data: DocData): Promise<SetResult> {
    return docSet(storeAccess(this.store), this.collection, this.id, data);
  }

  async update(data: DocData): Promise<UpdateResult> {
    return docUpdate(storeAccess(this.store), this.collection, this.id, data);
  }

  async remove(): Promise<RemoveResult> {
    return docRemove(storeAccess(this.store), this.collection, this.id);
  }
}
