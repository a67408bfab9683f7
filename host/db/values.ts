/**
 * The values the engine stores: JSON values plus `Date`.
 *
 * Documents are stored as JSON text. A `Date` is stored as `{ "$date": <ms> }` (EJSON's canonical form,
 * the same thing CloudBase puts on the wire) and read back as a `Date`. Field names may not start with
 * `$` or contain `.`, so a stored `{ "$date": n }` is never user data.
 */
import { randomBytes } from 'node:crypto';
import { DatabaseError, type Doc } from '../../cloudfunctions/_platform/database';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A programmer error in the arguments: what the SDK reports as INVALID_PARAM. */
export function invalidParam(message: string): DatabaseError {
  return new DatabaseError('INVALID_PARAM', message);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' || value === null) return typeof value;
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'object';
}

/** Checks a field name of a stored document. */
export function checkFieldName(key: string, path: string): void {
  if (key === '' || key.startsWith('$') || key.includes('.')) {
    throw invalidParam(`invalid field name "${path}": names may not be empty, start with "$" or contain "."`);
  }
}

/** The stored (JSON) form of a value; throws INVALID_PARAM for anything that is not JSON or a Date. */
export function toJson(value: unknown, path = 'value'): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidParam(`${path}: ${value} cannot be stored`);
    return value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw invalidParam(`${path}: invalid Date`);
    return { $date: ms };
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) => (item === undefined ? null : toJson(item, `${path}.${i}`)));
  }
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const itemPath = path === '' ? key : `${path}.${key}`;
      checkFieldName(key, itemPath);
      out[key] = toJson(item, itemPath);
    }
    return out;
  }
  throw invalidParam(`${path || 'document'}: ${describe(value)} cannot be stored (only JSON values and Date)`);
}

function reviver(_key: string, value: unknown): unknown {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'number') return new Date(value.$date);
  }
  return value;
}

/** A document as stored: JSON text with `_id` first. */
export function encodeDoc(id: string, data: Record<string, unknown>): string {
  const { _id: _ignored, ...rest } = data;
  const body = toJson(rest, '');
  return JSON.stringify({ _id: id, ...(body as Record<string, Json>) });
}

/** A fresh copy of a stored document, Dates revived. */
export function decodeDoc(text: string): Doc {
  return JSON.parse(text, reviver) as Doc;
}

/** A validated deep copy of a value for use in queries and updates (Dates stay Dates). */
export function cloneValue(value: unknown, path: string): unknown {
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  return JSON.parse(JSON.stringify(toJson(value, path)), reviver) as unknown;
}

/** A 32-character hex id, the shape CloudBase gives documents added without an `_id`. */
export function generateId(): string {
  return randomBytes(16).toString('hex');
}

/** Validates an `_id` given by the caller. */
export function checkId(id: unknown): string {
  if (typeof id !== 'string' || id === '') throw invalidParam('_id must be a non-empty string');
  return id;
}
