/**
 * `update(data)` → a MongoDB update modifier, following @cloudbase/database's UpdateSerializer:
 * plain objects are flattened (`{ a: { b: 1 } }` sets `a.b` only), other values are `$set`,
 * update commands become their operator, undefined values are left out.
 */
import { update as mingoUpdate } from 'mingo';
import { DatabaseError, type Doc } from '../../cloudfunctions/_platform/database';
import { LogicCommand, type PushOperand, QueryCommand, UpdateCommand } from './commands';
import { elementCondition } from './where';
import { checkFieldName, cloneValue, invalidParam, isPlainObject, toJson } from './values';

export type Modifier = Record<string, Record<string, unknown>>;

function requestFailed(message: string): DatabaseError {
  return new DatabaseError('DATABASE_REQUEST_FAILED', message);
}

function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParam(`${what} needs a finite number`);
  return value;
}

function pushModifier(operand: PushOperand, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = { $each: operand.each.map((v, i) => cloneValue(v, `${path}.${i}`)) };
  if (operand.position !== undefined) out.$position = finiteNumber(operand.position, '_.push position');
  if (operand.sort !== undefined) out.$sort = operand.sort;
  if (operand.slice !== undefined) out.$slice = finiteNumber(operand.slice, '_.push slice');
  return out;
}

function addToSetOperand(value: unknown, path: string): unknown {
  if (isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.$each)) {
    return { $each: value.$each.map((v: unknown, i) => cloneValue(v, `${path}.${i}`)) };
  }
  return cloneValue(value, path);
}

function commandEntry(cmd: UpdateCommand, path: string): [string, unknown] {
  switch (cmd.operator) {
    case 'set':
      if (cmd.operand === undefined) throw invalidParam(`_.set() on "${path}" needs a value`);
      return ['$set', cloneValue(cmd.operand, path)];
    case 'remove':
      return ['$unset', ''];
    case 'inc':
      return ['$inc', finiteNumber(cmd.operand, `_.inc() on "${path}"`)];
    case 'mul':
      return ['$mul', finiteNumber(cmd.operand, `_.mul() on "${path}"`)];
    case 'push':
      return ['$push', pushModifier(cmd.operand as PushOperand, path)];
    case 'pull':
      return ['$pull', elementCondition(cmd.operand, path)];
    case 'addToSet':
      return ['$addToSet', addToSetOperand(cmd.operand, path)];
  }
}

function flatten(data: Record<string, unknown>, prefix: string, out: Modifier): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (key.startsWith('$')) throw invalidParam(`"${path}": use db.command instead of raw operators`);
    let entry: [string, unknown];
    if (value instanceof UpdateCommand) entry = commandEntry(value, path);
    else if (value instanceof QueryCommand || value instanceof LogicCommand) {
      throw invalidParam(`"${path}": query commands cannot be used in update data`);
    } else if (isPlainObject(value)) {
      flatten(value, path, out); // an empty object changes nothing, as in the SDK
      continue;
    } else entry = ['$set', cloneValue(value, path)];
    const [op, operand] = entry;
    (out[op] ??= {})[path] = operand;
  }
}

function checkConflicts(modifier: Modifier): void {
  const paths = Object.values(modifier)
    .flatMap((fields) => Object.keys(fields))
    .sort();
  for (let i = 1; i < paths.length; i++) {
    const [a, b] = [paths[i - 1], paths[i]];
    if (a === b || b.startsWith(`${a}.`)) throw requestFailed(`updating "${b}" conflicts with updating "${a}"`);
  }
}

/** Translates `update` data; throws INVALID_PARAM like the SDK for non-objects and for `_id`. */
export function translateUpdate(data: unknown): Modifier {
  if (!isPlainObject(data)) throw invalidParam('update() takes a non-empty object');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam('_id cannot be updated');
  const modifier: Modifier = {};
  flatten(data, '', modifier);
  checkConflicts(modifier);
  return modifier;
}

/** Validates `set` data (a whole document without `_id` and without commands) and returns it as JSON. */
export function translateSet(data: unknown): Record<string, unknown> {
  if (!isPlainObject(data)) throw invalidParam('set() takes a non-empty object');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam('_id cannot be updated');
  const hasCommand = (value: unknown): boolean =>
    value instanceof UpdateCommand ||
    value instanceof QueryCommand ||
    value instanceof LogicCommand ||
    (isPlainObject(value) && Object.values(value).some(hasCommand));
  if (hasCommand(data)) throw requestFailed('set() data cannot contain commands');
  return toJson(data, '') as Record<string, unknown>;
}

/** Walks to the value at a dotted path without creating anything; throws where Mongo would. */
function current(doc: Doc, path: string): unknown {
  let node: unknown = doc;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    checkFieldName(segment, path);
    if (node === undefined) return undefined;
    const isIndex = /^\d+$/.test(segment);
    if (Array.isArray(node) && isIndex) node = node[Number(segment)] as unknown;
    else if (isPlainObject(node)) node = node[segment];
    else throw requestFailed(`cannot update "${path}": "${segments.slice(0, i).join('.')}" is not an object`);
  }
  return node;
}

const NUMERIC_OPS = new Set(['$inc', '$mul']);
const ARRAY_OPS = new Set(['$push', '$pull', '$addToSet']);

/** Applies a modifier to a decoded document in place. */
export function applyModifier(doc: Doc, modifier: Modifier): void {
  for (const [op, fields] of Object.entries(modifier)) {
    if (op === '$unset') continue;
    for (const path of Object.keys(fields)) {
      const value = current(doc, path);
      if (value === undefined) continue;
      if (NUMERIC_OPS.has(op) && typeof value !== 'number') {
        throw requestFailed(`cannot apply ${op} to "${path}": it is not a number`);
      }
      if (ARRAY_OPS.has(op) && !Array.isArray(value)) {
        throw requestFailed(`cannot apply ${op} to "${path}": it is not an array`);
      }
    }
  }
  if (Object.keys(modifier).length === 0) return;
  try {
    mingoUpdate(doc, modifier, undefined, undefined, { cloneMode: 'deep' });
  } catch (e) {
    throw requestFailed(e instanceof Error ? e.message : String(e));
  }
}
