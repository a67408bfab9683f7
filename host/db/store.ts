/**
 * The SQLite side: one table per collection (`c_<name>`: `id TEXT UNIQUE`, `doc TEXT` JSON), rows in
 * insertion order (rowid). WAL journal with synchronous=FULL, so a write that returned survives `kill -9`
 * and power loss. Equality queries on a top-level field get an expression index on first use.
 */
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from '../../cloudfunctions/_runtime/database';
import { invalidParam } from './values';
import type { Prefilter } from './where';

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,100}$/;
/** Expression indexes made automatically per collection, at most. */
const MAX_AUTO_INDEXES = 16;

export interface Row {
  id: string;
  doc: string;
}

interface Table {
  ident: string;
  indexed: Set<string>;
  get: BetterSqlite3.Statement<[string], Row>;
  all: BetterSqlite3.Statement<[], Row>;
  count: BetterSqlite3.Statement<[], { n: number }>;
  insert: BetterSqlite3.Statement<[string, string]>;
  replace: BetterSqlite3.Statement<[string, string]>;
  remove: BetterSqlite3.Statement<[string]>;
}

export class Store {
  private readonly db: BetterSqlite3.Database;
  private readonly tables = new Map<string, Table>();
  private readonly filtered = new Map<string, BetterSqlite3.Statement<(string | number)[], Row>>();

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
      get: this.db.prepare<[string], Row>(`SELECT id, doc FROM ${ident} WHERE id = ?`),
      all: this.db.prepare<[], Row>(`SELECT id, doc FROM ${ident} ORDER BY rowid`),
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

  /** Rows in insertion order; with a prefilter, a superset of the rows that can match it. */
  scan(collection: string, prefilter: Prefilter | null): Row[] {
    const table = this.table(collection);
    if (prefilter === null) return table.all.all();
    return this.filteredStatement(collection, table, prefilter).all(...prefilter.values);
  }

  private filteredStatement(collection: string, table: Table, p: Prefilter): BetterSqlite3.Statement<(string | number)[], Row> {
    const marks = p.values.map(() => '?').join(', ');
    let where: string;
    if (p.field === '_id') {
      where = `id IN (${marks})`;
    } else {
      // An array field matches when it contains the value, so arrays always stay candidates.
      const extract = `json_extract(doc, '$.${p.field}')`;
      const type = `json_type(doc, '$.${p.field}')`;
      this.autoIndex(collection, table, p.field, extract, type);
      where = `${extract} IN (${marks}) OR ${type} = 'array'`;
    }
    const sql = `SELECT id, doc FROM ${table.ident} WHERE ${where} ORDER BY rowid`;
    let stmt = this.filtered.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<(string | number)[], Row>(sql);
      this.filtered.set(sql, stmt);
    }
    return stmt;
  }

  private autoIndex(collection: string, table: Table, field: string, extract: string, type: string): void {
    const name = `i_${collection}__${field}`;
    // Not inside a transaction: a rollback would undo the index while we remember it as made.
    if (this.db.inTransaction || table.indexed.has(name) || table.indexed.size >= MAX_AUTO_INDEXES * 2) return;
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON ${table.ident} (${extract})`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}__t" ON ${table.ident} (${type})`);
    table.indexed.add(name);
    table.indexed.add(`${name}__t`);
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
