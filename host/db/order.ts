/**
 * Ordering and projection of query results, with MongoDB's rules: values of different types sort in
 * BSON type order (null/missing < numbers < strings < objects < arrays < booleans < dates), an array
 * field sorts by its smallest element ascending and its largest descending, and ties keep their order.
 */
import { Query as MingoQuery } from 'mingo';
import type { Doc } from '../../cloudfunctions/_platform/database';
import { invalidParam, isPlainObject } from './values';

export interface OrderKey {
  field: string;
  direction: 1 | -1;
}

function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  return 4;
}

/** Compares two values in MongoDB's order. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return (a as number) - (b as number);
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    case 5:
      return compareLists(a as unknown[], b as unknown[]);
    case 4: {
      const ea = Object.entries(a as object);
      const eb = Object.entries(b as object);
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        const byKey = compareValues(ea[i][0], eb[i][0]);
        if (byKey !== 0) return byKey;
        const byValue = compareValues(ea[i][1], eb[i][1]);
        if (byValue !== 0) return byValue;
      }
      return ea.length - eb.length;
    }
    default:
      return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
}

function compareLists(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Every value a dotted path reaches, descending into arrays the way MongoDB does. */
function reach(node: unknown, segments: string[], out: unknown[]): void {
  if (segments.length === 0) {
    if (Array.isArray(node)) out.push(...(node.length === 0 ? [undefined] : node));
    else out.push(node);
    return;
  }
  const [head, ...rest] = segments;
  if (Array.isArray(node)) {
    if (/^\d+$/.test(head)) reach(node[Number(head)], rest, out);
    else for (const item of node) reach(item, segments, out);
  } else if (isPlainObject(node)) {
    reach(node[head], rest, out);
  } else {
    out.push(undefined);
  }
}

function sortKey(doc: Doc, key: OrderKey): unknown {
  const values: unknown[] = [];
  reach(doc, key.field.split('.'), values);
  let best = values[0];
  for (const v of values.slice(1)) {
    if (compareValues(v, best) * key.direction < 0) best = v;
  }
  return best;
}

/** Sorts by the keys in the order given; stable for ties. */
export function sortDocs(docs: Doc[], keys: OrderKey[]): Doc[] {
  if (keys.length === 0) return docs;
  const decorated = docs.map((doc) => ({ doc, k: keys.map((key) => sortKey(doc, key)) }));
  decorated.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(x.k[i], y.k[i]) * keys[i].direction;
      if (c !== 0) return c;
    }
    return 0;
  });
  return decorated.map((d) => d.doc);
}

export type Projection = Record<string, 0 | 1>;

/** Normalises `field({...})`: true/positive numbers include, false/0 exclude; no mixing except `_id`. */
export function normalizeProjection(spec: unknown): Projection {
  if (!isPlainObject(spec)) throw invalidParam('field() takes an object');
  const out: Projection = {};
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === 'boolean') out[key] = value ? 1 : 0;
    else if (typeof value === 'number') out[key] = value > 0 ? 1 : 0;
    else throw invalidParam(`field(): "${key}" must be true/false or 1/0`);
  }
  const modes = new Set(Object.entries(out).filter(([k]) => k !== '_id').map(([, v]) => v));
  if (modes.size > 1) throw invalidParam('field() cannot mix included and excluded fields');
  return out;
}

/** Applies a projection (MongoDB semantics, via mingo). `_id` stays unless excluded explicitly. */
export function projectDocs(docs: Doc[], projection: Projection | null): Doc[] {
  if (projection === null || Object.keys(projection).length === 0) return docs;
  const projected = new MingoQuery({}, {}).find<Doc>(docs, projection).all();
  // `_id` first, as MongoDB answers it
  return projected.map(({ _id, ...rest }) => (_id === undefined ? (rest as Doc) : { _id, ...rest }));
}
