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

/**
 * What SQLite can use to narrow the candidate rows of a query: a condition on one top-level field (or
 * `_id`) that every match must meet, unless the field is an array (arrays always stay candidates; mingo
 * decides). The SQL side only ever answers a superset of the matches.
 *
 * - `in`: the field equals one of `values` (from an equality or `_.in`).
 * - `range`: the field lies between `low` and `high`, both inclusive, in the order SQLite gives the
 *   values `json_extract` answers: NULL < numbers < text < blobs. A blob is only a bound ("above every
 *   text"), never a stored value. Range commands compare within one type in MongoDB (`_.lt(5)` matches
 *   numbers, `_.lt('b')` strings; null, missing, booleans, objects and Dates never), so one range that
 *   holds only numbers or only text is enough.
 */
export type SqlBound = number | string | Buffer;

export type Prefilter =
  | { kind: 'in'; field: string; values: (string | number)[] }
  | { kind: 'range'; field: string; low: SqlBound; high: SqlBound };

/** Above every text value, as a range bound. */
const ABOVE_TEXT: Buffer = Buffer.alloc(0);

const SIMPLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Values SQLite can look up exactly (an empty list too: `_.in([])` matches nothing). Not numbers beyond
 * ±2^53: JSON.stringify writes 2^60 as 1152921504606847000, which SQLite reads as that exact integer,
 * not equal to the double.
 */
function scalarList(values: unknown[]): (string | number)[] | null {
  if (values.length > 200) return null;
  const ok = values.every((v) => typeof v === 'string' || (typeof v === 'number' && Math.abs(v) <= Number.MAX_SAFE_INTEGER));
  return ok ? (values as (string | number)[]) : null;
}

function boundRank(v: SqlBound): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Compares two bounds in SQLite's order (BINARY collation: text by UTF-8 bytes, i.e. by code point). */
function compareBounds(a: SqlBound, b: SqlBound): number {
  const ra = boundRank(a);
  const rb = boundRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  if (ra === 1) return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
  return 0;
}

/**
 * How far a numeric bound is moved outwards, so that SQLite reading a stored number differently from
 * JavaScript can only add candidates, never lose one. It reads doubles back exactly, but integers of
 * 2^53 and more JSON.stringify writes rounded (2^60 as 1152921504606847000), which SQLite keeps as that
 * exact integer: off by less than the double's spacing there, far less than this slack.
 */
export function numberSlack(v: number): number {
  return Math.abs(v) * 2 ** -40 + 2 ** -1000;
}

/** Index of the first UTF-16 unit at or above U+D800, where JS order (mingo) and code-point order (SQLite) part. */
function firstUnsafe(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800) return i;
  return -1;
}

/**
 * A text bound with `x > s` (JS order) ⇒ `x >= bound` (SQLite order). Strings made only of units below
 * U+D800 compare the same both ways against any string, so the bound is `s` cut before its first unit
 * at or above U+D800.
 */
function lowerText(s: string): string {
  const cut = firstUnsafe(s);
  return cut < 0 ? s : s.slice(0, cut);
}

/** A text bound with `x < s` (JS order) ⇒ `x <= bound` (SQLite order); null when there is none. */
function upperText(s: string): string | null {
  const cut = firstUnsafe(s);
  if (cut < 0) return s;
  // `s` cut before the unsafe unit, with its last character raised by one (dropping any that cannot be)
  for (let p = s.slice(0, cut); p !== ''; p = p.slice(0, -1)) {
    const last = p.charCodeAt(p.length - 1);
    if (last + 1 < 0xd800) return p.slice(0, -1) + String.fromCharCode(last + 1);
  }
  return null;
}

type RangeOp = '$gt' | '$gte' | '$lt' | '$lte';
const RANGE_OPS: readonly string[] = ['$gt', '$gte', '$lt', '$lte'];

interface Range {
  low: SqlBound;
  high: SqlBound;
}

/** Narrows `range` by one range command; false when the operand gives SQLite nothing to go on (Dates, ...). */
function narrow(range: Range, op: RangeOp, operand: unknown): boolean {
  const raise = (b: SqlBound): void => {
    if (compareBounds(b, range.low) > 0) range.low = b;
  };
  const lower = (b: SqlBound): void => {
    if (compareBounds(b, range.high) < 0) range.high = b;
  };
  const below = op === '$lt' || op === '$lte';
  if (typeof operand === 'number' && Number.isFinite(operand)) {
    if (below) {
      lower(operand + numberSlack(operand));
    } else {
      raise(operand - numberSlack(operand));
      lower(Infinity); // numbers only
    }
    return true;
  }
  if (typeof operand === 'string') {
    if (below) {
      raise(''); // text only
      const high = upperText(operand);
      if (high !== null) lower(high);
    } else {
      raise(lowerText(operand));
    }
    return true;
  }
  return false;
}

/** The parts of a conjunction, nested `$and`s (from `_.and` and chained field commands) flattened. */
function conjuncts(criteria: Criteria, out: Criteria[]): Criteria[] {
  const keys = Object.keys(criteria);
  if (keys.length === 1 && keys[0] === '$and' && Array.isArray(criteria.$and)) {
    for (const part of criteria.$and as Criteria[]) conjuncts(part, out);
  } else if (keys.length > 0) {
    out.push(criteria);
  }
  return out;
}

/**
 * Every condition of a translated query that SQLite could narrow by: equalities first (`_id` before the
 * others), then one range per field (its range commands combined). Each one alone holds for every match;
 * the store picks which one drives the scan and checks the others on the way.
 */
export function prefilterCandidates(criteria: Criteria): Prefilter[] {
  const equalities: Prefilter[] = [];
  const ranges = new Map<string, Range>();
  for (const part of conjuncts(criteria, [])) {
    const keys = Object.keys(part);
    if (keys.length !== 1 || !SIMPLE_FIELD.test(keys[0])) continue;
    const field = keys[0];
    const value = part[field];
    if (!isPlainObject(value)) {
      const values = scalarList([value]);
      if (values) equalities.push({ kind: 'in', field, values });
      continue;
    }
    const ops = Object.keys(value);
    if (ops.length !== 1) continue;
    const op = ops[0];
    if (op === '$eq' || op === '$in') {
      const values = op === '$eq' ? scalarList([value.$eq]) : Array.isArray(value.$in) ? scalarList(value.$in) : null;
      if (values) equalities.push({ kind: 'in', field, values });
    } else if (RANGE_OPS.includes(op)) {
      const range = ranges.get(field) ?? { low: -Infinity, high: ABOVE_TEXT };
      if (narrow(range, op as RangeOp, value[op])) ranges.set(field, range);
    }
  }
  const byId = equalities.filter((p) => p.field === '_id');
  const others = equalities.filter((p) => p.field !== '_id');
  const rangeFilters: Prefilter[] = [...ranges].map(([field, r]) => ({ kind: 'range', field, low: r.low, high: r.high }));
  return [...byId, ...others, ...rangeFilters];
}
