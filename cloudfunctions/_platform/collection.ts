import type { z } from 'zod/mini';
import type { Result } from '@shared/core/result';
import { checked, MAX_PAGE, type Command, type Database, type DocData, type Query, type Transaction } from './database';

/**
 * One stored collection, typed: its name and the schema every document read from it must satisfy.
 * The type of its documents is the schema's, so a document's shape is written once, in shared/.
 */
export interface StoredCollection<T extends { _id: string }> {
  readonly name: string;
  readonly schema: z.ZodMiniType<T>;
}

export function storedCollection<T extends { _id: string }>(name: string, schema: z.ZodMiniType<T>): StoredCollection<T> {
  return { name, schema };
}

/** A document in the database that does not have the shape its collection's schema says. */
export class StoredDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly problems: string[],
  ) {
    super(`${collection}/${id} does not match its schema: ${problems.join('; ')}`);
    this.name = 'StoredDocumentError';
  }
}

/** The most ids one `in` lookup asks for (a page of `get()` answers at most 100 without a limit). */
export const IDS_PER_LOOKUP = 100;

export interface FindOptions {
  orderBy?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  /** always explicit: the server answers 100 without one */
  limit: number;
  skip?: number;
}

/** What a change gives back: the document to store (when it differs from what was read), or why not. */
export type Change<T> = Result<T>;

/** The documents of a collection inside one transaction: single-document operations only. */
export interface InTransaction<T extends { _id: string }> {
  get(id: string): Promise<T | null>;
  /** replaces (or creates) the document */
  put(doc: T): Promise<void>;
  /** stores a new document under an id the database chooses */
  insert(doc: Omit<T, '_id'>): Promise<T>;
  /**
   * Reads the document, lets `change` decide, and stores what it answers when that is a success with a
   * document other than the one read (answering the same object writes nothing). The read-apply-write
   * step of every command.
   */
  modify<R extends Change<T>>(id: string, change: (current: T | null) => R | Promise<R>): Promise<R>;
}

/** Typed access to one collection: every document read is checked against the collection's schema. */
export interface Documents<T extends { _id: string }> {
  readonly name: string;
  parse(doc: unknown): T;
  get(id: string): Promise<T | null>;
  /** every document whose id is given, keyed by id, in lookups of IDS_PER_LOOKUP ids; missing ones are absent */
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  find(where: DocData | Command | null, options: FindOptions): Promise<T[]>;
  /**
   * Like `find`, but a document that does not match the schema is set aside, with what is wrong with
   * it, instead of failing the whole read: for timers, which must not stop at one bad document.
   */
  scan(where: DocData | Command | null, options: FindOptions): Promise<{ docs: T[]; invalid: StoredDocumentError[] }>;
  count(where: DocData | Command | null): Promise<number>;
  /** replaces (or creates) the document */
  put(doc: T): Promise<void>;
  /** stores a new document under an id the database chooses */
  insert(doc: Omit<T, '_id'>): Promise<T>;
  /** sets the given fields of one document (nested objects set nested fields; `db.command.set` replaces) */
  patch(id: string, fields: DocData): Promise<void>;
  /**
   * Replaces every field of `doc` if the stored document still matches `where` (which names `_id`),
   * atomically: with the state that was read in `where`, two writers cannot both succeed. True when
   * it was written.
   */
  replaceIf(where: DocData, doc: T): Promise<boolean>;
  /**
   * Sets `fields` on every document matching `where`, atomically per document, and says how many
   * changed: with the state that was read in `where`, two writers cannot both succeed.
   */
  updateWhere(where: DocData | Command, fields: DocData): Promise<number>;
  /** removes every document matching `where` and says how many went: for what a retention period lets go */
  removeWhere(where: DocData | Command): Promise<number>;
  within(tx: Transaction): InTransaction<T>;
}

/** A document without its `_id`, as `set` wants it. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

export function documents<T extends { _id: string }>(db: Database, spec: StoredCollection<T>): Documents<T> {
  const { name, schema } = spec;
  // looked up on each use, not when the accessor is made: most calls touch one or two collections
  const coll = () => db.collection(name);

  const parse = (doc: unknown): T => {
    const parsed = schema.safeParse(doc);
    if (parsed.success) return parsed.data;
    const id = typeof doc === 'object' && doc !== null && '_id' in doc && typeof doc._id === 'string' ? doc._id : '?';
    throw new StoredDocumentError(name, id, parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`));
  };

  const query = (where: DocData | Command | null, o: FindOptions): Query => {
    let q: Query = where ? coll().where(where) : coll();
    for (const [field, direction] of o.orderBy ?? []) q = q.orderBy(field, direction);
    if (o.skip) q = q.skip(o.skip);
    return q.limit(Math.min(o.limit, MAX_PAGE));
  };

  return {
    name,
    parse,
    async get(id) {
      const found = checked(await coll().doc(id).get()).data;
      return found.length ? parse(found[0]) : null;
    },
    async getMany(ids) {
      const unique = [...new Set(ids)].filter((id) => id !== '');
      const chunks: string[][] = [];
      for (let i = 0; i < unique.length; i += IDS_PER_LOOKUP) chunks.push(unique.slice(i, i + IDS_PER_LOOKUP));
      const pages = await Promise.all(
        chunks.map(async (chunk) => checked(await coll().where({ _id: db.command.in(chunk) }).limit(chunk.length).get()).data),
      );
      return new Map(pages.flat().map((d) => {
        const doc = parse(d);
        return [doc._id, doc] as const;
      }));
    },
    async find(where, options) {
      // the database reads a limit of 0 as "no limit"
      if (options.limit <= 0) return [];
      return checked(await query(where, options).get()).data.map(parse);
    },
    async scan(where, options) {
      const docs: T[] = [];
      const invalid: StoredDocumentError[] = [];
      for (const raw of checked(await query(where, options).get()).data) {
        try {
          docs.push(parse(raw));
        } catch (error) {
          if (!(error instanceof StoredDocumentError)) throw error;
          invalid.push(error);
        }
      }
      return { docs, invalid };
    },
    async count(where) {
      return checked(await (where ? coll().where(where) : coll()).count()).total;
    },
    async put(doc) {
      checked(await coll().doc(doc._id).set(withoutId(doc)));
    },
    async insert(doc) {
      // checked before it is stored: a document its schema refuses is never written
      parse({ ...doc, _id: 'new' });
      const added = checked(await coll().add(doc));
      return parse({ ...doc, _id: added.id });
    },
    async patch(id, fields) {
      checked(await coll().doc(id).update(fields));
    },
    async replaceIf(where, doc) {
      const _ = db.command;
      // every field set whole: a nested object given plainly would only set the fields it names
      const fields = Object.fromEntries(Object.entries(withoutId(doc)).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]));
      return checked(await coll().where({ ...where, _id: doc._id }).update(fields)).updated > 0;
    },
    async updateWhere(where, fields) {
      return checked(await coll().where(where).update(fields)).updated;
    },
    async removeWhere(where) {
      return checked(await coll().where(where).remove()).deleted;
    },
    within(tx) {
      const txDoc = (id: string) => tx.collection(name).doc(id);
      const get = async (id: string): Promise<T | null> => {
        const found = checked(await txDoc(id).get()).data;
        return found ? parse(found) : null;
      };
      const put = async (doc: T): Promise<void> => {
        checked(await txDoc(doc._id).set(withoutId(doc)));
      };
      return {
        get,
        put,
        async insert(doc) {
          parse({ ...doc, _id: 'new' });
          const added = checked(await tx.collection(name).add(doc));
          return parse({ ...doc, _id: added.id });
        },
        async modify(id, change) {
          const current = await get(id);
          const outcome = await change(current);
          if (outcome.ok && outcome.data !== current) await put({ ...outcome.data, _id: id });
          return outcome;
        },
      };
    },
  };
}
