import type { z } from 'zod';
import { CommonErrors } from '@shared/core/errors';
import { type Failure, type Result } from '@shared/core/result';
import { hasRole, type Role, type User } from '@shared/core/roles';
import { validate } from '@shared/core/validation';
import type { Millis } from '@shared/core/time';
import { checked } from './database';
import type { Caller, Deps } from './ports';

/** What an action sees: the outside world, the trusted caller, and one reading of the clock. */
export interface ActionContext {
  deps: Deps;
  user: User;
  now: Millis;
}

export interface Action<S extends z.ZodType = z.ZodType> {
  /** the event without its `action` field */
  input: S;
  /** roles that may call this action at all; whether they may touch *that* record is checked in `run` */
  roles: readonly Role[];
  run(ctx: ActionContext, input: z.infer<S>): Promise<Result<unknown>>;
}

/** Keeps each action's input type tied to its schema. */
export function action<S extends z.ZodType>(a: Action<S>): Action<S> {
  return a;
}

export type Answer = Result<unknown>;
export type FunctionHandler = (event: unknown, caller: Caller) => Promise<Answer>;

/**
 * Makes a cloud function from named actions. Every call: read `action`, find the caller in `users` by
 * the openid from the WeChat context, check the role, validate the input, run, answer. Anything
 * thrown becomes SYSTEM.INTERNAL (logged with its stack, never shown to the caller).
 */
export function defineFunction(name: string, actions: Record<string, Action>) {
  return (deps: Deps): FunctionHandler =>
    async (event, caller) => {
      try {
        return await dispatch(deps, actions, event, caller);
      } catch (error) {
        deps.log.error(`${name} failed`, { error: error instanceof Error ? error.stack : String(error) });
        return CommonErrors.internal();
      }
    };
}

async function dispatch(
  deps: Deps,
  actions: Record<string, Action>,
  event: unknown,
  caller: Caller,
): Promise<Answer> {
  const { action: actionName, ...input } = (isRecord(event) ? event : {}) as Record<string, unknown>;
  if (typeof actionName !== 'string' || actionName === '') return CommonErrors.badRequest({ action: '缺少 action' });
  const chosen = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
  if (!chosen) return CommonErrors.unknownAction(actionName);
  const user = await findCaller(deps, caller);
  if ('ok' in user) return user;
  if (!hasRole(user, ...chosen.roles)) return CommonErrors.forbidden();
  const parsed = validate(chosen.input, input);
  if (!parsed.ok) return parsed;
  return chosen.run({ deps, user, now: deps.clock.now() }, parsed.data);
}

async function findCaller(deps: Deps, caller: Caller): Promise<User | Failure> {
  if (!caller.openid) return CommonErrors.notSignedIn();
  const found = checked(await deps.db.collection('users').doc(caller.openid).get());
  const user = found.data[0] as unknown as User | undefined;
  return user ?? CommonErrors.notRegistered();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
