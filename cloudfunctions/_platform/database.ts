/**
 * The subset of the CloudBase document database API that the functions use, typed once.
 *
 * In CloudBase this is `@cloudbase/node-sdk`'s `app.database()` itself (no wrapper). Locally it is the
 * embedded engine in host/db, which pins the same semantics in tests/contract. Semantics worth knowing:
 * - `where({ a: { b: 1 } })` matches the nested field `a.b` (objects are flattened), like `'a.b': 1`.
 * - `update({ a: { b: 1 } })` sets `a.b` only; `update({ a: _.set({ b: 1 }) })` replaces `a`.
 * - `get()` answers 100 documents when no limit is set and never more than 1000.
 * - `doc(id).get()` answers `{ data: [doc] }` (an empty array when missing); inside a transaction it
 *   answers `{ data: doc }` (null when missing).
 * - the SDK returns failures as `{ code, message }` values instead of throwing: see `checked()`.
 */

export type DocData = Record<string, unknown>;
export type Doc = DocData & { _id: string };

/** A query or update command made by `db.command`; opaque to the code that uses it. */
export type Command = object;

/** A query command on one field, which chains: `_.gte(a).and(_.lt(b))`. */
export interface FieldCommand extends Command {
  and(other: Command): FieldCommand;
  or(other: Command): FieldCommand;
}

export interface SdkError {
  code?: string;
  message?: string;
}

export interface GetResult<T = Doc> extends SdkError {
  data: T[];
}
export interface CountResult extends SdkError {
  total: number;
}
export interface AddResult extends SdkError {
  id: string;
}
export interface UpdateResult extends SdkError {
  updated: number;
}
export interface SetResult extends SdkError {
  updated: number;
  upsertedId?: string;
}
export interface RemoveResult extends SdkError {
  deleted: number;
}

export interface Query {
  where(condition: DocData | Command): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(projection: Record<string, boolean | 0 | 1>): Query;
  get(): Promise<GetResult>;
  count(): Promise<CountResult>;
  /** updates every matching document */
  update(data: DocData): Promise<UpdateResult>;
  /** removes every matching document */
  remove(): Promise<RemoveResult>;
}

export interface DocumentReference {
  get(): Promise<GetResult>;
  /** replaces the whole document, creating it when missing */
  set(data: DocData): Promise<SetResult>;
  update(data: DocData): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface Collection extends Query {
  doc(id: string): DocumentReference;
  add(data: DocData): Promise<AddResult>;
}

export interface QueryCommands {
  eq(v: unknown): FieldCommand;
  neq(v: unknown): FieldCommand;
  gt(v: unknown): FieldCommand;
  gte(v: unknown): FieldCommand;
  lt(v: unknown): FieldCommand;
  lte(v: unknown): FieldCommand;
  in(v: unknown[]): FieldCommand;
  nin(v: unknown[]): FieldCommand;
  exists(v: boolean): FieldCommand;
  size(v: number): FieldCommand;
  elemMatch(v: DocData): FieldCommand;
  all(v: unknown[]): FieldCommand;
  and(...conditions: (DocData | Command)[]): Command;
  or(...conditions: (DocData | Command)[]): Command;
}

export interface UpdateCommands {
  set(v: unknown): Command;
  remove(): Command;
  inc(n: number): Command;
  mul(n: number): Command;
  push(v: unknown): Command;
  pull(v: unknown): Command;
  addToSet(v: unknown): Command;
}

export interface TransactionDocument {
  get(): Promise<{ data: Doc | null } & SdkError>;
  set(data: DocData): Promise<UpdateResult>;
  update(data: DocData): Promise<UpdateResult>;
  delete(): Promise<RemoveResult>;
}

export interface TransactionCollection {
  doc(id: string): TransactionDocument;
  add(data: DocData): Promise<AddResult>;
}

export interface Transaction {
  collection(name: string): TransactionCollection;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Database {
  collection(name: string): Collection;
  command: QueryCommands & UpdateCommands;
  /** runs `work` atomically; single-document operations only; retried by the SDK on conflict */
  runTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'DatabaseError';
  }
}

/** The SDK answers failures as values; this turns them into a thrown DatabaseError. */
export function checked<T extends SdkError>(result: T): T {
  if (result && typeof result.code === 'string' && result.code !== '') {
    throw new DatabaseError(result.code, result.message ?? 'database call failed');
  }
  return result;
}

/** The most documents one `get()` may answer. */
export const MAX_PAGE = 1000;
/** What `get()` answers when no limit was set. */
export const DEFAULT_PAGE = 100;
