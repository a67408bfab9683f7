import type { z } from 'zod/mini';
import { CommonErrors } from '@shared/core/errors';
import { type Failure, type Result } from '@shared/core/result';
import { hasRole, type Role, type User } from '@shared/core/roles';
import { followUpSettingsWith } from '@shared/followup/config';
import { validate } from '@shared/core/validation';
import type { Millis } from '@shared/core/time';
import type { Caller, Deps } from './ports';
import { stores, type Stores } from './stores';

/** What an action sees: the outside world, its collections typed, the trusted caller, and one reading of the clock. */
export interface ActionContext {
  deps: Deps;
  store: Stores;
  user: User;
  now: Millis;
}

export interface Action<S extends z.ZodMiniType = z.ZodMiniType> {
  /** the event without its `action` field */
  input: S;
  /** roles that may call this action at all; whether they may touch *that* record is checked in `run` */
  roles: readonly Role[];
  /**
   * Open to a WeChat caller who is not in `users` yet (redeeming an invite code): `user` is then the
   * caller's openid with no roles, and `roles` is not checked for them.
   */
  guest?: boolean;
  run(ctx: ActionContext, input: z.infer<S>): Promise<Result<unknown>>;
}

/** Keeps each action's input type tied to its schema. */
export function action<S extends z.ZodMiniType>(a: Action<S>): Action<S> {
  return a;
}

/** What a function gives back to its caller: the data, or a failure with a code and a message. */
export type Reply = Result<unknown>;
export type FunctionHandler = (event: unknown, caller: Caller) => Promise<Reply>;

/**
 * Makes a cloud function from named actions. Every call: read `action`, find the caller in `users` by
 * the openid from the WeChat context, check the role, validate the input, run, reply. Anything
 * thrown becomes SYSTEM.INTERNAL (logged with its stack, never shown to the caller).
 */
export function defineFunction(name: string, actions: Record<string, Action>) {
  return (deps: Deps): FunctionHandler =>
    async (event, caller) => {
      try {
        return await route(deps, actions, event, caller);
      } catch (error) {
        deps.log.error(`${name} failed`, { error: error instanceof Error ? error.stack : String(error) });
        return CommonErrors.internal(await hotline(stores(deps.db)));
      }
    };
}

const NOT_REGISTERED = CommonErrors.notRegistered().code;

/** Sends the event to the action it names, for a registered caller whose role may call it. */
async function route(deps: Deps, actions: Record<string, Action>, event: unknown, caller: Caller): Promise<Reply> {
  const body: Record<string, unknown> = isRecord(event) ? event : {};
  const { action: actionName, ...input } = body;
  if (typeof actionName !== 'string' || actionName === '') return CommonErrors.badRequest({ action: '缺少 action' });
  const chosen = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
  if (!chosen) return CommonErrors.unknownAction(actionName);
  const store = stores(deps.db);
  const found = await findCaller(store, caller);
  const newcomer = chosen.guest === true && 'ok' in found && found.code === NOT_REGISTERED ? caller.openid : null;
  const user: User | Failure = newcomer ? { _id: newcomer, name: '', phone: '', roles: [] } : found;
  if ('ok' in user) return user;
  if (!newcomer && !hasRole(user, ...chosen.roles)) return CommonErrors.forbidden();
  const parsed = validate(chosen.input, input);
  if (!parsed.ok) return parsed;
  return chosen.run({ deps, store, user, now: deps.clock.now() }, parsed.data);
}

/**
 * An admin at the CloudBase console signs a test event with their own console key (cloud.ts); they act
 * as `console:<name>`, an admin, and every change they make is recorded under that name.
 */
export function consoleAdmin(name: string): User {
  return { _id: `console:${name}`, name: `${name}（控制台）`, phone: '', roles: ['admin'] };
}

async function findCaller(store: Stores, caller: Caller): Promise<User | Failure> {
  if (caller.console) return consoleAdmin(caller.console);
  if (!caller.openid) return CommonErrors.notSignedIn();
  return (await store.users.get(caller.openid)) ?? CommonErrors.notRegistered(await hotline(store));
}

/**
 * The one hotline of `settings/followup`, for the failures that tell someone to call; none when it
 * cannot be read (the database may be what failed), and the message then says 联系客服 without a number.
 */
async function hotline(store: Stores): Promise<string | undefined> {
  try {
    return followUpSettingsWith(await store.settings.get('followup')).hotline;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
