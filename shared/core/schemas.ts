import * as z from 'zod/mini';

/** Free text a person types: trimmed, with Chinese messages naming the field when it is too short or long. */
export function requiredText(label: string, min: number, max: number) {
  return z.string({ error: `请填写${label}` }).check(
    z.trim(),
    z.minLength(min, { error: min > 1 ? `${label}请至少写 ${min} 个字` : `请填写${label}` }),
    z.maxLength(max, { error: `${label}最多 ${max} 个字` }),
  );
}

/** The id of a record named in an event. */
export function recordId(what: string) {
  return z.string({ error: `缺少${what}` }).check(z.minLength(1, { error: `缺少${what}` }), z.maxLength(64));
}

/** Chosen by the client once per form, so that a retried submission answers what the first one made. */
export const requestIdSchema = z.optional(z.string().check(z.regex(/^[\w-]{8,64}$/, { error: '请求编号无效' })));
