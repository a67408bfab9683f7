import { checked, type Database, type Query } from './database';

/** One document by id, or null. */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = checked(await db.collection(collection).doc(id).get());
  return (res.data[0] as T | undefined) ?? null;
}

/** Documents of a query, with the limit always set explicitly (the server's default is 100). */
export async function findMany<T>(query: Query, limit: number): Promise<T[]> {
  const res = checked(await query.limit(limit).get());
  return res.data as unknown as T[];
}

/** Documents whose ids are given, keyed by id (at most 100 ids). */
export async function findByIds<T extends { _id: string }>(db: Database, collection: string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].slice(0, 100);
  if (unique.length === 0) return new Map();
  const docs = await findMany<T>(db.collection(collection).where({ _id: db.command.in(unique) }), unique.length);
  return new Map(docs.map((d) => [d._id, d]));
}

/** A document without its `_id`, as `set` wants it. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
