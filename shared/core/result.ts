/**
 * Every answer a cloud function gives, and every expected failure a rule can report, is a value of
 * this shape. Failures carry a namespaced code (`REPAIR.NOT_FOUND`) and a message a person can act on.
 */
export interface Failure {
  ok: false;
  code: string;
  message: string;
  /** field-level problems, keyed by the dotted path of the field in the event */
  fields?: Record<string, string>;
}

export interface Success<T> {
  ok: true;
  data: T;
}

export type Result<T> = Success<T> | Failure;

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string, fields?: Record<string, string>): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

export function isFailure<T>(r: Result<T>): r is Failure {
  return r.ok === false;
}
