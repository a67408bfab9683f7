import * as z from 'zod/mini';
import { zhCN } from 'zod/v4/locales';
import { CommonErrors } from './errors';
import { ok, type Result } from './result';

// Messages a homeowner reads are Chinese; field-specific ones are written beside each schema.
// From the locales index, not 'zod/v4/locales/zh-CN.js': bundlers (esbuild, webpack) keep only zh-CN of
// it, while jest, which loads zod as CommonJS, cannot load that ES module file (and zh-CN.cjs would put a
// second, CommonJS copy of zod's core in the bundles). tests/integration/bundle-size.test.ts checks it.
z.config(zhCN());

/** Checks input against a schema; a failure names each bad field with a message a person can act on. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Result<z.infer<S>> {
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
