import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { CommonErrors } from './errors';
import { ok, type Result } from './result';

// Messages a homeowner reads are Chinese; field-specific ones are written beside each schema.
z.config(zhCN());

/** Checks input against a schema; a failure names each bad field with a message a person can act on. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return CommonErrors.badRequest(fields);
}

export { z };
