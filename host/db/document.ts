/**
 * Single-document operations, written once over `DocAccess` so that plain calls (straight to the store)
 * and transactions (through the transaction's buffer) behave the same.
 */
import { DatabaseError, type Doc } from '../../cloudfunctions/_platform/database';
import { applyModifier, translateSet, translateUpdate } from './modifier';
import type { Store } from './store';
import { checkId, decodeDoc, encodeDoc, generateId, invalidParam, isPlainObject } from './values';

/** Reads and writes stored documents (JSON text; null: no such document). */
export interface DocAccess {
  read(collection: string, id: string): string | null;
  /** `text` null deletes; `created` tells an insert from a replacement */
  write(collection: string, id: string, text: string | null, created: boolean): void;
}

/** Plain calls: straight to SQLite. */
export function storeAccess(store: Store): DocAccess {
  return {
    read: (collection, id) => store.get(collection, id),
    write: (collection, id, text, created) => {
      if (text === null) store.remove(collection, id);
      else if (created) store.insert(collection, id, text);
      else store.replace(collection, id, text);
    },
  };
}

export function docGet(access: DocAccess, collection: string, id: string): Doc | null {
  const text = access.read(collection, id);
  return text === null ? null : decodeDoc(text);
}

export function docSet(
  access: DocAccess,
  collection: string,
  id: string,
  data: unknown,
): { updated: number; upsertedId?: string } {
  const text = encodeDoc(id, translateSet(data));
  const before = access.read(collection, id);
  if (before === null) {
    access.write(collection, id, text, true);
    return { updated: 0, upsertedId: id };
  }
  if (before === text) return { updated: 0 };
  access.write(collection, id, text, false);
  return { updated: 1 };
}

export function docUpdate(access: DocAccess, collection: string, id: string, data: unknown): { updated: number } {
  const modifier = translateUpdate(data);
  const before = access.read(collection, id);
  if (before === null) return { updated: 0 };
  const doc = decodeDoc(before);
  applyModifier(doc, modifier);
  const after = encodeDoc(id, doc);
  if (after === before) return { updated: 0 };
  access.write(collection, id, after, false);
  return { updated: 1 };
}

export function docRemove(access: DocAccess, collection: string, id: string): { deleted: number } {
  if (access.read(collection, id) === null) return { deleted: 0 };
  access.write(collection, id, null, false);
  return { deleted: 1 };
}

export function docAdd(access: DocAccess, collection: string, data: unknown): { id: string } {
  if (!isPlainObject(data)) throw invalidParam('add() takes an object');
  const id = data._id === undefined ? generateId() : checkId(data._id);
  const text = encodeDoc(id, data);
  if (access.read(collection, id) !== null) {
    throw new DatabaseError('DATABASE_DUPLICATE_WRITE', `a document with _id "${id}" already exists`);
  }
  access.write(collection, id, text, true);
  return { id };
}

/** Validates the argument of `doc(id)`. */
export function docId(id: unknown): string {
  if (typeof id !== 'string' || id === '') throw invalidParam('doc() takes a non-empty string id');
  return id;
}
