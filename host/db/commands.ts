/**
 * `db.command`: the opaque query and update commands, shaped after @cloudbase/database's command.ts.
 *
 * Commands are instances of the classes below; the engine recognises them with `instanceof` and turns
 * them into MongoDB (mingo) expressions itself, so user code never writes `$gt` & co.
 */
import type { QueryCommands, UpdateCommands } from '../../cloudfunctions/_platform/database';
import { invalidParam, isPlainObject } from './values';

export type QueryOperator =
  | 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists' | 'size' | 'elemMatch' | 'all';
export type LogicOperator = 'and' | 'or';
export type UpdateOperator = 'set' | 'remove' | 'inc' | 'mul' | 'push' | 'pull' | 'addToSet';

/** `f(a, b)` and `f([a, b])` mean the same, as in the SDK. */
function listOf(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as unknown[])] : args;
}

/** `and` / `or` over conditions: plain objects at top level, commands when bound to a field. */
export class LogicCommand {
  constructor(
    readonly operator: LogicOperator,
    readonly operands: readonly unknown[],
  ) {
    if (operands.length === 0) throw invalidParam(`_.${operator}() needs at least one condition`);
  }
  and(...conditions: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...listOf(conditions)]);
  }
  or(...conditions: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...listOf(conditions)]);
  }
}

/** A comparison on one field; the field is the key it is placed under in `where`. */
export class QueryCommand {
  constructor(
    readonly operator: QueryOperator,
    readonly operand: unknown,
  ) {}
  and(...conditions: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...listOf(conditions)]);
  }
  or(...conditions: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...listOf(conditions)]);
  }
  eq(v: unknown): LogicCommand {
    return this.and(new QueryCommand('eq', v));
  }
  neq(v: unknown): LogicCommand {
    return this.and(new QueryCommand('neq', v));
  }
  gt(v: unknown): LogicCommand {
    return this.and(new QueryCommand('gt', v));
  }
  gte(v: unknown): LogicCommand {
    return this.and(new QueryCommand('gte', v));
  }
  lt(v: unknown): LogicCommand {
    return this.and(new QueryCommand('lt', v));
  }
  lte(v: unknown): LogicCommand {
    return this.and(new QueryCommand('lte', v));
  }
  in(list: unknown[]): LogicCommand {
    return this.and(new QueryCommand('in', list));
  }
  nin(list: unknown[]): LogicCommand {
    return this.and(new QueryCommand('nin', list));
  }
}

/** Options of `_.push({ each, position, sort, slice })`. */
export interface PushOperand {
  each: unknown[];
  position?: number;
  sort?: unknown;
  slice?: number;
}

/** A change to one field; the field is the key it is placed under in `update`. */
export class UpdateCommand {
  constructor(
    readonly operator: UpdateOperator,
    readonly operand: unknown,
  ) {}
}

export function isCommand(value: unknown): value is QueryCommand | LogicCommand | UpdateCommand {
  return value instanceof QueryCommand || value instanceof LogicCommand || value instanceof UpdateCommand;
}

function pushOperand(args: unknown[]): PushOperand {
  const first = args[0];
  if (args.length === 1 && isPlainObject(first) && Object.prototype.hasOwnProperty.call(first, 'each')) {
    if (!Array.isArray(first.each)) throw invalidParam('_.push({ each }) needs an array');
    const out: PushOperand = { each: [...(first.each as unknown[])] };
    if (first.position !== undefined) out.position = Number(first.position);
    if (first.sort !== undefined) out.sort = first.sort;
    if (first.slice !== undefined) out.slice = Number(first.slice);
    return out;
  }
  return { each: listOf(args) };
}

/** The `db.command` object. */
export const command = {
  eq: (v: unknown) => new QueryCommand('eq', v),
  neq: (v: unknown) => new QueryCommand('neq', v),
  gt: (v: unknown) => new QueryCommand('gt', v),
  gte: (v: unknown) => new QueryCommand('gte', v),
  lt: (v: unknown) => new QueryCommand('lt', v),
  lte: (v: unknown) => new QueryCommand('lte', v),
  in: (list: unknown[]) => new QueryCommand('in', list),
  nin: (list: unknown[]) => new QueryCommand('nin', list),
  all: (list: unknown[]) => new QueryCommand('all', list),
  exists: (v: boolean) => new QueryCommand('exists', v),
  size: (n: number) => new QueryCommand('size', n),
  elemMatch: (condition: unknown) => new QueryCommand('elemMatch', condition),
  and: (...conditions: unknown[]) => new LogicCommand('and', listOf(conditions)),
  or: (...conditions: unknown[]) => new LogicCommand('or', listOf(conditions)),

  set: (v: unknown) => new UpdateCommand('set', v),
  remove: () => new UpdateCommand('remove', undefined),
  inc: (n: number) => new UpdateCommand('inc', n),
  mul: (n: number) => new UpdateCommand('mul', n),
  /** `_.push(v)`, `_.push(a, b)`, `_.push([a, b])` or `_.push({ each, position, sort, slice })` */
  push: (...values: unknown[]) => new UpdateCommand('push', pushOperand(values)),
  /** `_.pull(value)` or `_.pull(queryCommand)` (e.g. `_.pull(_.in([1, 2]))`) */
  pull: (v: unknown) => new UpdateCommand('pull', v),
  /** `_.addToSet(value)` adds one element (an array is one element); `_.addToSet({ $each: [...] })` adds each */
  addToSet: (v: unknown) => new UpdateCommand('addToSet', v),
} satisfies QueryCommands & UpdateCommands;

export type Commands = typeof command;
