/** Field errors without those of `field` (and its nested fields): once a person edits it, its error goes. */
export function withoutField(errors: Record<string, string>, field: string): Record<string, string> {
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k !== field && !k.startsWith(`${field}.`)) rest[k] = v;
  }
  return rest;
}
