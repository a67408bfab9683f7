// A webpack loader: zod's JSON Schema generation (core/to-json-schema.js, core/json-schema-processors.js),
// some 20 KB minified in every package that validates, is referenced by every zod schema so tree shaking
// keeps it, and the mini program never makes a JSON Schema. Each module is replaced by stand-ins with
// the same exports that throw when called (the `create…Method` factories, called when a schema is
// built, return such a function), as scripts/build-functions.ts does for the cloud functions.
const path = require('path');

module.exports = function zodJsonSchemaStandIn(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}\s*;/gm)) {
    for (const part of m[1].split(',')) names.add(part.trim().split(/\s+as\s+/).pop().trim());
  }
  names.delete('');
  if (names.size === 0) throw new Error(`found no export to stand in for in ${this.resourcePath}`);
  const file = path.basename(this.resourcePath);
  return [
    `const unavailable = () => { throw new Error("zod JSON Schema (${file}) is left out of the mini program by client/config/zodJsonSchemaStandIn.js"); };`,
    ...[...names].map((n) => `export const ${n} = ${/^create\w*Method$/.test(n) ? '() => unavailable' : 'unavailable'};`),
  ].join('\n');
};
