/**
 * `where(condition)` → a MongoDB query for mingo, following @cloudbase/database's QuerySerializer:
 * plain objects are flattened to dotted paths (`{ a: { b: 1 } }` is `{ 'a.b': 1 }`), commands are leaves,
 * arrays and other values are compared whole, and undefined values are left out.
 */
import { LogicCommand, QueryCommand, UpdateCommand } from './commands';
import { cloneValue, invalidParam, isPlainObject } from './values';

export type Criteria = Record<string, unknown>;

function queryValue(value: unknown, path: string): unknown {
  return cloneValue(value, path);
}

function listOperand(cmd: QueryCommand, path: string): unknown[] {
  if (!Array.isArray(cmd.operand)) throw invalidParam(`_.${cmd.operator}() on "${path}" needs an array`);
  return cmd.operand.map((v: unknown, i) => queryValue(v, `${path}.${i}`));
}

/** The `{ $op: value }` expression of a comparison command. */
export function operatorExpression(cmd: QueryCommand, path: string): Criteria {
  switch (cmd.operator) {
    case 'eq':
      return { $eq: queryValue(cmd.operand, path) };
    case 'neq':
      return { $ne: queryValue(cmd.operand, path) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { [`$${cmd.operator}`]: queryValue(cmd.operand, path) };
    case 'in':
    case 'nin':
    case 'all':
      return { [`$${cmd.operator}`]: listOperand(cmd, path) };
    case 'exists':
      if (typeof cmd.operand !== 'boolean') throw invalidParam(`_.exists() on "${path}" needs a boolean`);
      return { $exists: cmd.operand };
    case 'size':
      if (!Number.isInteger(cmd.operand) || (cmd.operand as number) < 0) {
        throw invalidParam(`_.size() on "${path}" needs a non-negative integer`);
      }
      return { $size: cmd.operand };
    case 'elemMatch':
      return { $elemMatch: elementCondition(cmd.operand, path) };
  }
}

/**
 * The body of `_.elemMatch(...)` or `_.pull(...)`, as the SDK serialises it: commands become their
 * `{ $op: value }` expression, everything else is sent as it is (nested objects are NOT flattened, so
 * they compare whole). Field-level `and`/`or` cannot be serialised by the SDK here and are refused.
 */
export function elementCondition(value: unknown, path: string): unknown {
  if (value instanceof QueryCommand) return operatorExpression(value, path);
  if (value instanceof LogicCommand || value instanceof UpdateCommand) {
    throw invalidParam(`"${path}": and/or and update commands cannot be used inside elemMatch or pull`);
  }
  if (Array.isArray(value)) return value.map((v: unknown, i) => elementCondition(v, `${path}.${i}`));
  if (isPlainObject(value)) {
    const out: Criteria = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (key.startsWith('$')) throw invalidParam(`"${path}.${key}": use db.command instead of raw operators`);
      out[key] = elementCondition(v, `${path}.${key}`);
    }
    return out;
  }
  return queryValue(value, path);
}

/** `{ a: _.gt(1).and(_.lt(5)) }`: a logic command bound to field `path`. */
function fieldLogic(cmd: LogicCommand, path: string): Criteria {
  const parts = cmd.operands.map((operand) => {
    if (operand instanceof QueryCommand) return { [path]: operatorExpression(operand, path) };
    if (operand instanceof LogicCommand) return fieldLogic(operand, path);
    throw invalidParam(`"${path}": and/or on a field takes commands such as _.gt(1), not plain values`);
  });
  return { [`$${cmd.operator}`]: parts };
}

function flatten(condition: Record<string, unknown>, prefix: string, out: Criteria[]): void {
  for (const [key, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    if (key.startsWith('$')) throw invalidParam(`"${key}": use db.command instead of raw operators`);
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value instanceof QueryCommand) out.push({ [path]: operatorExpression(value, path) });
    else if (value instanceof LogicCommand) out.push(fieldLogic(value, path));
    else if (value instanceof UpdateCommand) throw invalidParam(`"${path}": update commands cannot be used in where`);
    else if (isPlainObject(value)) flatten(value, path, out); // an empty object adds nothing, as in the SDK
    else out.push({ [path]: queryValue(value, path) });
  }
}

function conjunction(parts: Criteria[]): Criteria {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return { $and: parts };
}

/** `_.and(...)` / `_.or(...)` given to `where` directly: operands are conditions. */
function topLogic(cmd: LogicCommand): Criteria {
  const parts = cmd.operands.map((operand) => {
    if (operand instanceof LogicCommand) return topLogic(operand);
    if (isPlainObject(operand)) return translateObject(operand);
    throw invalidParam(`_.${cmd.operator}() in where takes conditions (objects), not ${typeof operand} values`);
  });
  return { [`$${cmd.operator}`]: parts };
}

function translateObject(condition: Record<string, unknown>): Criteria {
  const parts: Criteria[] = [];
  flatten(condition, '', parts);
  // The SDK merges the `$or` lists of two fields into one (a OR b OR c OR d instead of (a OR b) AND
  // (c OR d)), so CloudBase would answer something else: refuse rather than differ.
  if (parts.filter((p) => '$or' in p).length > 1) {
    throw invalidParam('where(): use _.and([{ a: _.or(...) }, { b: _.or(...) }]) for or-conditions on two fields');
  }
  return conjunction(parts);
}

/** Translates a `where` argument. Throws like the SDK for non-objects and all-undefined conditions. */
export function translateWhere(condition: unknown): Criteria {
  if (condition instanceof LogicCommand) return topLogic(condition);
  if (!isPlainObject(condition)) throw invalidParam('where() takes an object');
  const keys = Object.keys(condition);
  if (keys.length > 0 && keys.every((k) => condition[k] === undefined)) {
    throw invalidParam('where(): every value in the condition is undefined');
  }
  return translateObject(condition);
}

/** An equality (or `in`) on one top-level field that SQLite can use to narrow the candidate rows. */
export interface Prefilter {
  field: string;
  values: (string | number)[];
}

const SIMPLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

function scalarList(values: unknown[]): (string | number)[] | null {
  if (values.length === 0 || values.length > 200) return null;
  const ok = values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  return ok ? (values as (string | number)[]) : null;
}

function prefilterOf(part: Criteria): Prefilter | null {
  const keys = Object.keys(part);
  if (keys.length !== 1 || !SIMPLE_FIELD.test(keys[0])) return null;
  const field = keys[0];
  const value = part[field];
  let values: (string | number)[] | null = null;
  if (isPlainObject(value)) {
    const ops = Object.keys(value);
    if (ops.length === 1 && ops[0] === '$eq') values = scalarList([value.$eq]);
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray(value.$in)) values = scalarList(value.$in);
  } else {
    values = scalarList([value]);
  }
  return values ? { field, values } : null;
}

/** Picks the narrowing condition from a translated query, preferring `_id`. */
export function choosePrefilter(criteria: Criteria): Prefilter | null {
  const parts = Array.isArray(criteria.$and) ? (criteria.$and as Criteria[]) : [criteria];
  const found = parts.map(prefilterOf).filter((p): p is Prefilter => p !== null);
  return found.find((p) => p.field === '_id') ?? found[0] ?? null;
}
