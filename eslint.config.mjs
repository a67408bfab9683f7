import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

/**
 * Lint holds the architecture's lines: shared/ stays pure, functions and pages do not import each
 * other, client features meet only through their index, and no module imports itself back.
 */

const ROOT = import.meta.dirname;

/** Resolves imports as the compilers do: `@shared/*` (both tsconfigs), the client's `@/*`, relative paths. */
const resolver = createTypeScriptImportResolver({
  project: [path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'client', 'tsconfig.json')],
  alwaysTryTypes: true,
  noWarnOnMultipleProjects: true,
});

// ── no import cycles ────────────────────────────────────────────────────────────────────────────
// A local rule rather than import-x/no-cycle: that rule always skips `import type`, and a cycle
// through types still ties the modules together (shared/followup had one). Imports are read with
// TypeScript's own pre-processor (every `import`, `import type`, `export … from`, `import()` and
// `require`) and resolved with the same resolver as import-x; each file's edges are read once.

const SOURCE = /\.[cm]?tsx?$/;
const isOurSource = (file) =>
  typeof file === 'string' &&
  file.startsWith(ROOT + path.sep) &&
  !file.includes(`${path.sep}node_modules${path.sep}`) &&
  SOURCE.test(file) &&
  !file.endsWith('.d.ts');

const specifiersIn = (text) => ts.preProcessFile(text, true, true).importedFiles;

function resolveImport(specifier, importer) {
  const r = resolver.resolve(specifier, importer);
  return r.found && r.path ? path.normalize(r.path) : null;
}

/** file → what it imports of ours, kept while the file is unchanged on disk */
const edges = new Map();
function importsOf(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const known = edges.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.targets;
  const targets = [...new Set(specifiersIn(fs.readFileSync(file, 'utf8')).map((s) => resolveImport(s.fileName, file)).filter(isOurSource))];
  edges.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, targets });
  return targets;
}

/** The shortest import path from `start` back to `home` ([start, …, home]), or null; at most `maxDepth` steps. */
function pathBack(start, home, maxDepth) {
  const cameFrom = new Map([[start, null]]);
  let frontier = [start];
  for (let depth = 0; frontier.length > 0 && depth < maxDepth; depth++) {
    const next = [];
    for (const file of frontier) {
      for (const target of importsOf(file)) {
        if (target === home) {
          const route = [home];
          for (let at = file; at; at = cameFrom.get(at)) route.unshift(at);
          return route;
        }
        if (!cameFrom.has(target)) {
          cameFrom.set(target, file);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return null;
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import that leads back to the importing module, type-only imports included.' },
    schema: [{ type: 'object', properties: { maxDepth: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{route}}. Move what both sides need into a module that imports neither.' },
  },
  create(context) {
    const file = path.normalize(context.physicalFilename);
    if (!isOurSource(file)) return {};
    const maxDepth = context.options[0]?.maxDepth ?? Number.POSITIVE_INFINITY;
    const source = context.sourceCode;
    const relative = (f) => path.relative(ROOT, f).split(path.sep).join('/');
    return {
      Program() {
        const checked = new Set();
        for (const spec of specifiersIn(source.text)) {
          const target = resolveImport(spec.fileName, file);
          if (!isOurSource(target) || target === file || checked.has(target)) continue;
          checked.add(target);
          const route = pathBack(target, file, maxDepth);
          if (!route) continue;
          context.report({
            loc: { start: source.getLocFromIndex(spec.pos), end: source.getLocFromIndex(spec.end) },
            messageId: 'cycle',
            data: { route: [file, ...route].map(relative).join(' → ') },
          });
        }
      },
    };
  },
};

const layers = { meta: { name: 'layers' }, rules: { 'no-cycle': noCycle } };

// ── client features meet only through their index ───────────────────────────────────────────────

const FEATURES = path.join(ROOT, 'client', 'src', 'features');
const features = fs.existsSync(FEATURES)
  ? fs.readdirSync(FEATURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];
/** Every client file outside feature `name` (pages, staff pages, components, hooks, lib, api, other features) sees only its index. */
const featureZones = features.map((name) => ({
  target: ['client/src/!(features)/**/*', 'client/src/*', `client/src/features/!(${name})/**/*`],
  from: `client/src/features/${name}`,
  except: ['./index.ts'],
  message: `Use the ${name} feature through its index: import from '@/features/${name}'.`,
}));

// ── zod/mini only ──────────────────────────────────────────────────────────────────────────────
// Classic zod ('zod', 'zod/v4', 'zod/v3') carries its method-chaining layer (~50 KB minified) into every
// function bundle and every form subpackage, whatever a schema uses; zod/mini is the same zod 4 core, with
// the same issues and the same locales, called as functions (z.optional(x), x.check(z.minLength(1))).
// no-restricted-imports options do not merge across config blocks, so every block that sets the rule
// for these folders adds ZOD_ONLY_MINI to its own paths and patterns (restrictedImports below).

const ZOD_MESSAGE =
  "Use `import * as z from 'zod/mini'`: classic zod adds ~50 KB to every function bundle and form subpackage " +
  "(issue 12, tests/integration/bundle-size.test.ts). Locales come from 'zod/v4/locales'.";
const ZOD_ONLY_MINI = {
  paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({ name, message: ZOD_MESSAGE })),
  patterns: [{ group: ['zod/v4/classic', 'zod/v4/classic/*', 'zod/v3/*'], message: ZOD_MESSAGE }],
};
/** The rule's options for a block: its own restrictions and the zod/mini one. */
const restrictedImports = ({ paths = [], patterns = [] } = {}) => [
  'error',
  { paths: [...paths, ...ZOD_ONLY_MINI.paths], patterns: [...patterns, ...ZOD_ONLY_MINI.patterns] },
];
const PRODUCT_CODE = ['shared/**/*.ts', 'cloudfunctions/**/*.ts', 'client/src/**/*.ts', 'client/src/**/*.tsx'];

// ── shared/ is pure domain code ─────────────────────────────────────────────────────────────────

const PURE = 'shared/ is pure domain code';
const nodeBuiltins = [...new Set(builtinModules.flatMap((name) => (name.startsWith('node:') ? [name, name.slice(5)] : [name, `node:${name}`])))];
const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate', 'clearImmediate'];

export default tseslint.config(
  {
    // shared/__lint_probe_*__: tests/unit/lint.test.ts's short-lived probe files (it lints them with ignore: false)
    ignores: ['node_modules/', 'client/dist/', 'build/', 'dist/', '.data/', 'coverage/', 'e2e/screenshots/', 'shared/__lint_probe_*__/', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: PRODUCT_CODE,
    plugins: { layers },
    rules: { 'layers/no-cycle': 'error', 'no-restricted-imports': restrictedImports() },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({
        paths: nodeBuiltins.map((name) => ({ name, message: `${PURE}: no Node built-ins.` })),
        patterns: [
          { group: ['@tarojs/*', '@cloudbase/*', 'wx-server-sdk', 'node:*'], message: `${PURE}: no Taro, CloudBase or Node imports.` },
          { group: ['fs', 'path', 'http', 'crypto', 'os', 'child_process'], message: `${PURE}: no Node built-ins.` },
          { group: ['../../cloudfunctions/*', '../../client/*', '../../host/*', '**/cloudfunctions/**', '**/client/**', '**/host/**'], message: 'shared/ depends on nothing of ours outside shared/.' },
        ],
      }),
      'no-restricted-globals': ['error', ...NODE_GLOBALS.map((name) => ({ name, message: `${PURE}: no Node globals (${name}).` }))],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    // a function is a folder not starting with _; the _ folders (_platform, _usecases, …) are what functions share
    ignores: ['cloudfunctions/_*/**'],
    rules: {
      'no-restricted-imports': restrictedImports({ patterns: [{ regex: '^\\.\\./(?!_)[^/]+/', message: 'A cloud function does not import another function; share code through shared/ or the cloudfunctions/_ folders.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] }),
    },
  },
  {
    // plumbing (adapters, the function shell, ports, typed collections) knows nothing of the use cases or the functions
    files: ['cloudfunctions/_platform/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({ patterns: [{ regex: '^\\.\\./(?!_platform/)[^/]+/', message: '_platform/ is plumbing: it never imports a use case (_usecases/) or a function.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] }),
    },
  },
  {
    // use cases build on the plumbing and the rules in shared/, never on a function
    files: ['cloudfunctions/_usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({ patterns: [{ regex: '^\\.\\./(?!_platform/|_usecases/)[^/]+/', message: '_usecases/ builds on _platform/ and shared/, never on a function.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] }),
    },
  },
  {
    files: ['client/src/**/*.ts', 'client/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [resolver] },
    rules: featureZones.length > 0 ? { 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: featureZones }] } : {},
  },
  {
    files: ['client/src/pages/**/*.ts', 'client/src/pages/**/*.tsx', 'client/src/staff/**/*.ts', 'client/src/staff/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrictedImports({ patterns: [{ group: ['**/pages/**', '../*/index', '../../*/index'], message: 'Pages do not import each other; move shared pieces to features/ or components/.' }] }),
    },
  },
  {
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
