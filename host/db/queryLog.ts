/**
 * An opt-in record of the queries the embedded database runs (get, count, update and remove through
 * `where`/`orderBy`), reduced to their shape: which fields they filter on and how, and what they sort
 * by. The integration suite turns it on to check that every query the functions make is served by an
 * index declared for CloudBase (cloudfunctions/_platform/indexes.ts). Off, it costs one check per query.
 */
import type { OrderKey } from './order';
import type { Criteria } from './where';

export type FilterKind = 'equal' | 'range' | 'other';

export interface QueryShape {
  collection: string;
  /** field path → how it is filtered; an `$or` gives one shape per branch */
  filters: Record<string, FilterKind>;
  sort: { field: string; direction: 'asc' | 'desc' }[];
  /** the cloud function source line that ran it (`cloudfunctions/…:line`); null: not a function's query (a test's, the host's) */
  origin: string | null;
}

const listeners = new Set<(shape: QueryShape) => void>();

/** Starts recording; `stop()` ends it. Every query run meanwhile, in this process, is in `shapes`. */
export function recordQueries(): { shapes: QueryShape[]; stop(): void } {
  const shapes: QueryShape[] = [];
  const listener = (s: QueryShape) => shapes.push(s);
  listeners.add(listener);
  return { shapes, stop: () => listeners.delete(listener) };
}

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);
const EQUAL = new Set(['$eq', '$in']);

function kindOf(value: unknown): FilterKind {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return 'equal';
  const ops = Object.keys(value).filter((k) => k.startsWith('$'));
  if (ops.length === 0) return 'equal';
  if (ops.some((op) => EQUAL.has(op))) return 'equal';
  if (ops.some((op) => RANGE.has(op))) return 'range';
  return 'other';
}

/** The filter shapes of a criteria object: one, or one per branch of each `$or`. */
function filterShapes(criteria: Criteria): Record<string, FilterKind>[] {
  let shapes: Record<string, FilterKind>[] = [{}];
  const combine = (alternatives: Record<string, FilterKind>[]) => {
    shapes = shapes.flatMap((s) => alternatives.map((a) => ({ ...s, ...a })));
  };
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) for (const part of value) combine(filterShapes(part as Criteria));
    else if ((key === '$or' || key === '$nor') && Array.isArray(value)) combine(value.flatMap((part) => filterShapes(part as Criteria)));
    else if (!key.startsWith('$')) combine([{ [key]: kindOf(value) }]);
  }
  return shapes;
}

/**
 * Where in the cloud functions the current query was started (it is started synchronously from there):
 * the innermost frame outside the database plumbing of cloudfunctions/_platform/, else the innermost
 * cloudfunctions/ frame; null when no function is on the stack.
 */
function functionOrigin(): string | null {
  const frames = (new Error().stack ?? '').split('\n').flatMap((line) => {
    const at = /[\\/](cloudfunctions[\\/][^():]+:\d+)/.exec(line);
    return at?.[1] ? [at[1].replace(/\\/g, '/')] : [];
  });
  return frames.find((f) => !f.startsWith('cloudfunctions/_platform/')) ?? frames[0] ?? null;
}

/** Called by the query path for each query it runs. */
export function noteQuery(collection: string, criteria: Criteria, order: OrderKey[]): void {
  if (listeners.size === 0) return;
  const origin = functionOrigin();
  const sort = order.map((k) => ({ field: k.field, direction: k.direction === 1 ? ('asc' as const) : ('desc' as const) }));
  for (const filters of filterShapes(criteria)) {
    for (const listener of listeners) listener({ collection, filters, sort, origin });
  }
}
