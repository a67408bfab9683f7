/**
 * The SQLite side: one table per collection (`c_<name>`: `id TEXT UNIQUE`, `doc TEXT` JSON), rows in
 * insertion order (rowid). WAL journal with synchronous=FULL, so a write that returned survives `kill -9`
 * and power loss. Equality and range queries on a top-level field get an expression index on first use.
 */
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from '../../cloudfunctions/_platform/database';
import { invalidParam } from './values';
import type { OrderKey } from './order';
import type { Prefilter, SqlBound } from './where';

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/;
/** Expression indexes made automatically per collection, at most. */
const MAX_AUTO_INDEXES = 16;
/** Rows counted at most when choosing which prefilter drives a scan. */
const MAX_COUNT = 1000;
/** A range on the first sort key drives a page of `want` unless another prefilter leaves at most this many times `want` rows. */
const ORDERED_RANGE_FACTOR = 4;
/** Prepared statements for filtered scans kept, at most. */
const MAX_STATEMENTS = 500;

export interface Row {
  /** the rowid: insertion order */
  seq: number;
  id: string;
  doc: string;
}

export interface KeyedRow extends Row {
  /** the field's value as SQLite reads it (a number; booleans read as 1 and 0) */
  key: number;
}

/** See `Store.scanByKey`. */
export type KeyedScan = { arrays: Row[]; byKey: IterableIterator<KeyedRow> } | { rows: Row[] };

interface Query {
  sql: string;
  params: SqlBound[];
}

interface Plan {
  /** the prefilter whose index drives the scan; null: none can (a full scan, the prefilters checked on each row) */
  driver: Prefilter | null;
  /** the other prefilters, checked by SQLite on each row the driver gives */
  rest: Prefilter[];
}

function fieldExpressions(field: string): { extract: string; type: string } {
  return { extract: `json_extract(doc, '$.${field}')`, type: `json_type(doc, '$.${field}')` };
}

/**
 * The prefilters whose field gets an index made when it has none: the first equality, and a numeric
 * range on the first sort key (`sortField`); the first range when there is neither. None beside an
 * equality on `_id`, which has its own.
 */
function worthIndexing(prefilters: Prefilter[], sortField: string | undefined): Prefilter[] {
  if (prefilters.some((p) => p.field === '_id' && p.kind === 'in')) return [];
  const equality = prefilters.find((p) => p.kind === 'in');
  const ordered = prefilters.find((p) => p.field === sortField && isNumericRange(p));
  const picked = [equality, ordered].filter((p): p is Prefilter => p !== undefined);
  return picked.length > 0 ? picked : prefilters.slice(0, 1);
}

function isNumericRange(p: Prefilter): p is Extract<Prefilter, { kind: 'range' }> {
  return p.kind === 'range' && typeof p.low === 'number' && typeof p.high === 'number';
}

/** `_.in([])`: matches nothing. */
function isEmptyList(p: Prefilter): boolean {
  return p.kind === 'in' && p.values.length === 0;
}

/** What a prefilter asks of the field's value: `IN (...)` (an empty list matches nothing) or `BETWEEN`. */
function valueTest(p: Prefilter): { test: string; params: SqlBound[] } {
  if (p.kind === 'in') return { test: `IN (${p.values.map(() => '?').join(', ')})`, params: p.values };
  return { test: 'BETWEEN ? AND ?', params: [p.low, p.high] };
}

/**
 * The SQL condition of a prefilter. Only the driving one may use an index: the others get a unary `+`
 * (a no-op on the value), which keeps SQLite from driving the scan by them instead.
 */
function condition(p: Prefilter, driving: boolean): Query {
  const plus = driving ? '' : '+';
  const { test, params } = valueTest(p);
  if (p.field === '_id') return { sql: `${plus}id ${test}`, params };
  // An array field matches when it contains a matching value, so arrays always stay candidates.
  const { extract, type } = fieldExpressions(p.field);
  return { sql: `(${plus}${extract} ${test} OR ${plus}${type} = 'array')`, params };
}

interface Table {
  ident: string;
  indexed: Set<string>;
  get: BetterSqlite3.Statement<[string], { doc: string }>;
  all: BetterSqlite3.Statement<[], Row>;
  count: BetterSqlite3.Statement<[], { n: number }>;
  insert: BetterSqlite3.Statement<[string, string]>;
  replace: BetterSqlite3.Statement<[string, string]>;
  remove: BetterSqlite3.Statement<[string]>;
}

export class Store {
  private readonly db: BetterSqlite3.Database;
  private readonly tables = new Map<string, Table>();
  private readonly filtered = new Map<string, BetterSqlite3.Statement<unknown[], unknown>>();

  constructor(readonly file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  private table(collection: string): Table {
    const known = this.tables.get(collection);
    if (known) return known;
    if (!COLLECTION_NAME.test(collection)) {
      throw invalidParam(`invalid collection name "${collection}" (letters, digits, "_" and "-")`);
    }
    const ident = `"c_${collection}"`;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${ident} (id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`);
    const indexed = new Set(
      this.db
        .prepare<[string], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`)
        .all(`c_${collection}`)
        .map((r) => r.name),
    );
    const table: Table = {
      ident,
      indexed,
      get: this.db.prepare<[string], { doc: string }>(`SELECT doc FROM ${ident} WHERE id = ?`),
      all: this.db.prepare<[], Row>(`SELECT rowid AS seq, id, doc FROM ${ident} ORDER BY rowid`),
      count: this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${ident}`),
      insert: this.db.prepare<[string, string]>(`INSERT INTO ${ident} (id, doc) VALUES (?, ?)`),
      replace: this.db.prepare<[string, string]>(`UPDATE ${ident} SET doc = ? WHERE id = ?`),
      remove: this.db.prepare<[string]>(`DELETE FROM ${ident} WHERE id = ?`),
    };
    // Inside a transaction the CREATE may yet be rolled back, so only remember tables made outside one.
    if (!this.db.inTransaction) this.tables.set(collection, table);
    return table;
  }

  /** Makes sure the collection exists (collections are otherwise created on first use). */
  ensure(collection: string): void {
    this.table(collection);
  }

  get(collection: string, id: string): string | null {
    return this.table(collection).get.get(id)?.doc ?? null;
  }

  /** How many documents the collection holds. */
  count(collection: string): number {
    return this.table(collection).count.get()?.n ?? 0;
  }

  /**
   * The rows that can match, in insertion order: a superset of the rows that meet every prefilter. One
   * prefilter drives the scan through its index (the one that leaves the fewest rows); SQLite checks the
   * others on each row it reads.
   */
  scan(collection: string, prefilters: Prefilter[]): Row[] {
    const table = this.table(collection);
    if (prefilters.length === 0) return table.all.all();
    if (prefilters.some(isEmptyList)) return [];
    const { sql, params } = this.rowsQuery(table, this.plan(collection, table, prefilters));
    return this.statement<Row>(sql).all(...params);
  }

  /**
   * The candidate rows for a page of `want` matches sorted by `key` first. When the scan is best driven
   * by a numeric range on that field: the rows in range ordered by the field's value (`byKey`, read
   * lazily, so the caller can stop once it has enough; rows with equal values in no particular order),
   * and apart from them the rows whose field is an array (`arrays`, in insertion order), which sort by
   * one of their elements instead. Otherwise what `scan` answers (`rows`).
   */
  scanByKey(collection: string, prefilters: Prefilter[], key: OrderKey, want: number): KeyedScan {
    const table = this.table(collection);
    const ranged = prefilters.some((p) => p.field === key.field && isNumericRange(p));
    if (!ranged || prefilters.some(isEmptyList)) return { rows: this.scan(collection, prefilters) };
    const plan = this.plan(collection, table, prefilters, { field: key.field, want });
    const q = this.keyedQuery(table, plan, key);
    if (q === null) {
      const { sql, params } = this.rowsQuery(table, plan);
      return { rows: this.statement<Row>(sql).all(...params) };
    }
    return {
      arrays: this.statement<Row>(q.arrays.sql).all(...q.arrays.params),
      byKey: this.statement<KeyedRow>(q.byKey.sql).iterate(...q.byKey.params),
    };
  }

  /** SQLite's query plan for `scan` (or for `scanByKey`, given `key` and `want`), one line per step: for tests. */
  explain(collection: string, prefilters: Prefilter[], key?: OrderKey, want = 100): string[] {
    const table = this.table(collection);
    const plan = this.plan(collection, table, prefilters, key ? { field: key.field, want } : undefined);
    const keyed = key ? this.keyedQuery(table, plan, key) : null;
    const queries = keyed ? [keyed.byKey, keyed.arrays] : [this.rowsQuery(table, plan)];
    return queries.flatMap(({ sql, params }) =>
      this.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail),
    );
  }

  private rowsQuery(table: Table, plan: Plan): Query {
    const conditions = [...(plan.driver ? [condition(plan.driver, true)] : []), ...plan.rest.map((p) => condition(p, false))];
    const where = conditions.length > 0 ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')} ` : '';
    return {
      sql: `SELECT rowid AS seq, id, doc FROM ${table.ident} ${where}ORDER BY rowid`,
      params: conditions.flatMap((c) => c.params),
    };
  }

  private keyedQuery(table: Table, plan: Plan, key: OrderKey): { arrays: Query; byKey: Query } | null {
    const driver = plan.driver;
    if (driver === null || driver.field !== key.field || !isNumericRange(driver)) return null;
    const { extract, type } = fieldExpressions(driver.field);
    const rest = plan.rest.map((p) => condition(p, false));
    const also = rest.map((c) => ` AND ${c.sql}`).join('');
    const params = rest.flatMap((c) => c.params);
    return {
      arrays: {
        sql: `SELECT rowid AS seq, id, doc FROM ${table.ident} WHERE ${type} = 'array'${also} ORDER BY rowid`,
        params,
      },
      byKey: {
        sql:
          `SELECT rowid AS seq, id, doc, ${extract} AS key FROM ${table.ident} WHERE ${extract} BETWEEN ? AND ?${also} ` +
          `ORDER BY ${extract} ${key.direction === 1 ? 'ASC' : 'DESC'}`,
        params: [driver.low, driver.high, ...params],
      },
    };
  }

  /**
   * Which prefilter drives the scan: an equality on `_id` when there is one; otherwise, of those with an
   * index, the one that leaves the fewest rows (counted on its index, up to a cap). For a sorted page,
   * a numeric range on the first sort key is read in order and stops after `want` matches, so it drives
   * unless another prefilter leaves fewer rows than it, and few: at most `ORDERED_RANGE_FACTOR * want`
   * (at most `want`: not even counted against the range).
   *
   * Indexes are made here only for the likely drivers (see `worthIndexing`): every index costs on each
   * write, so a field only ever used beside those stays without.
   */
  private plan(collection: string, table: Table, prefilters: Prefilter[], page?: { field: string; want: number }): Plan {
    const worth = worthIndexing(prefilters, page?.field);
    const indexed = prefilters.filter((p) => this.hasIndex(collection, table, p, worth.includes(p)));
    const byId = indexed.find((p) => p.field === '_id' && p.kind === 'in');
    if (byId || indexed.length <= 1) return this.drivenBy(prefilters, byId ?? indexed[0] ?? null);
    const ordered = page ? indexed.find((p) => p.field === page.field && isNumericRange(p)) : undefined;
    const others = indexed.filter((p) => p !== ordered);
    const most = ordered && page ? ORDERED_RANGE_FACTOR * page.want : MAX_COUNT;
    // counted in turn, each count stopping where it could no longer win
    let fewest: { p: Prefilter; n: number } | null = null;
    for (const p of others) {
      const n = this.countUpTo(table, p, Math.min(fewest?.n ?? Infinity, most + 1));
      if (fewest === null || n < fewest.n) fewest = { p, n };
    }
    if (ordered && page && fewest !== null) {
      if (fewest.n > most) return this.drivenBy(prefilters, ordered);
      // as few as the page itself: reading them is about as cheap as anything could be
      if (fewest.n <= page.want) return this.drivenBy(prefilters, fewest.p);
      if (this.countUpTo(table, ordered, fewest.n + 1) <= fewest.n) return this.drivenBy(prefilters, ordered);
    }
    return this.drivenBy(prefilters, fewest?.p ?? null);
  }

  private drivenBy(prefilters: Prefilter[], driver: Prefilter | null): Plan {
    return { driver, rest: prefilters.filter((p) => p !== driver) };
  }

  /** How many rows the prefilter leaves, counted on its indexes; `cap` when that many or more. */
  private countUpTo(table: Table, p: Prefilter, cap: number): number {
    const counts = (where: string): string => `(SELECT count(*) FROM (SELECT 1 FROM ${table.ident} WHERE ${where} LIMIT ?))`;
    const { test, params } = valueTest(p);
    let sql: string;
    let all: SqlBound[];
    if (p.field === '_id') {
      sql = `SELECT ${counts(`id ${test}`)} AS n`;
      all = [...params, cap];
    } else {
      // the values and the arrays apart, so that each count reads one index alone
      const { extract, type } = fieldExpressions(p.field);
      sql = `SELECT ${counts(`${extract} ${test}`)} + ${counts(`${type} = 'array'`)} AS n`;
      all = [...params, cap, cap];
    }
    return Math.min(this.statement<{ n: number }>(sql).get(...all)?.n ?? cap, cap);
  }

  /** Whether the prefilter can use an index; with `make`, makes the field's indexes when it may. */
  private hasIndex(collection: string, table: Table, p: Prefilter, make: boolean): boolean {
    if (p.field === '_id') return true;
    const name = `i_${collection}__${p.field}`;
    if (table.indexed.has(name)) return true;
    // Not inside a transaction: a rollback would undo the index while we remember it as made.
    if (!make || this.db.inTransaction || table.indexed.size >= MAX_AUTO_INDEXES * 2) return false;
    const { extract, type } = fieldExpressions(p.field);
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON ${table.ident} (${extract})`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}__t" ON ${table.ident} (${type})`);
    table.indexed.add(name);
    table.indexed.add(`${name}__t`);
    return true;
  }

  private statement<R>(sql: string): BetterSqlite3.Statement<unknown[], R> {
    let stmt = this.filtered.get(sql);
    if (!stmt) {
      // statements differ by table, fields and list lengths; keep the cache from growing without end
      if (this.filtered.size >= MAX_STATEMENTS) this.filtered.clear();
      stmt = this.db.prepare<unknown[], unknown>(sql);
      this.filtered.set(sql, stmt);
    }
    return stmt as BetterSqlite3.Statement<unknown[], R>;
  }

  /** Inserts a new document; a taken id fails like CloudBase (DATABASE_DUPLICATE_WRITE). */
  insert(collection: string, id: string, doc: string): void {
    try {
      this.table(collection).insert.run(id, doc);
    } catch (e) {
      if (e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DatabaseError('DATABASE_DUPLICATE_WRITE', `a document with _id "${id}" already exists`);
      }
      throw e;
    }
  }

  replace(collection: string, id: string, doc: string): number {
    return this.table(collection).replace.run(doc, id).changes;
  }

  /** Writes the document whether or not it exists. */
  put(collection: string, id: string, doc: string): void {
    if (this.replace(collection, id, doc) === 0) this.insert(collection, id, doc);
  }

  remove(collection: string, id: string): number {
    return this.table(collection).remove.run(id).changes;
  }

  /** Runs `work` in one SQLite transaction (all or nothing, one fsync). Call `ensure` for new collections first. */
  atomically<T>(work: () => T): T {
    // IMMEDIATE: take the write lock before reading, so another process cannot slip in between.
    return this.db.transaction(work).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
