/**
 * `npm run build:functions`: one folder per cloud function that CloudBase (WeChat DevTools or the
 * CloudBase CLI) uploads as it is.
 *
 * For every folder of cloudfunctions/ not starting with `_`: cloudfunctions/<name>/index.ts bundled by
 * esbuild (Node 16, CommonJS, minified, shared/ and zod/dayjs inside) into <out>/<name>/index.js, beside
 * it a package.json that lists only what CloudBase must install, at the exact versions installed here,
 * and the function's config.json. The out folder is build/functions, or FUNCTIONS_OUT.
 *
 * `npm run build:functions -- --json` prints what was built as JSON, with what each bundle is made of.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'cloudfunctions');

/** Installed by CloudBase, never bundled: the SDK reads its runtime's environment. */
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk'];
/**
 * wx-server-sdk is for cloud calls (subscribeMessage.send) only, so only functions whose config.json
 * lists `permissions.openapi` get it. It is not a root dependency (nothing local runs it), so its
 * version is pinned here.
 */
const WX_SERVER_SDK_VERSION = '4.0.2';
/**
 * The most a bundle may weigh (tests/integration/bundle-size.test.ts holds it): a cold start reads and
 * compiles all of it. Schemas import zod as `import * as z from 'zod/mini'` (lint refuses classic
 * 'zod'): the same zod 4 core, issues and locales without classic's method-chaining layer, so esbuild
 * keeps only the checks a function uses, 35-39 KB of a bundle instead of ~83 KB. It must be a namespace
 * import: `import { z }` keeps all of zod/mini with every locale, ~400 KB more. Measured with zod 4 on
 * zod/mini: report 80.8 KB, push 84.0 KB, up to the functions with the most rules, complaint 123.8 KB,
 * admin 126.5 KB, campaign 127.1 KB, repair 138.1 KB and followup 138.8 KB (classic zod made them
 * 128-185 KB). The budget leaves the largest ~11 KB to grow and fails any bundle that takes classic
 * zod back (~45 KB more, issue 12).
 */
export const BUNDLE_BUDGET_BYTES = 150 * 1024;
/** Local-only code that must never reach a function bundle. */
const FORBIDDEN_INPUTS = [/(^|\/)host\//, /node_modules\/(better-sqlite3|mingo|jest[^/]*|@jest)\//];

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
  dependencies: Record<string, string>;
  /** What index.js is made of, heaviest first: each input file and its bytes in index.js (esbuild's bytesInOutput). */
  inputs: { input: string; bytes: number }[];
}

interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: unknown[];
  /** seconds */
  timeout?: number;
}

export class BuildError extends Error {}

/** The cloud functions: every folder of cloudfunctions/ not starting with `_` that has an index.ts. */
export function functionNames(): string[] {
  return fs
    .readdirSync(SOURCE, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .filter((d) => fs.existsSync(path.join(SOURCE, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

export async function buildFunctions(outDir = defaultOutDir()): Promise<BuiltFunction[]> {
  const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  const names = functionNames();
  if (names.length === 0) throw new BuildError(`no function found in ${SOURCE}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const name of names) built.push(await buildOne(name, outDir, rootPackage));
  return built;
}

async function buildOne(
  name: string,
  outDir: string,
  rootPackage: { version: string; dependencies: Record<string, string> },
): Promise<BuiltFunction> {
  const dir = path.join(outDir, name);
  const configFile = path.join(SOURCE, name, 'config.json');
  if (!fs.existsSync(configFile)) throw new BuildError(`${name}: cloudfunctions/${name}/config.json is missing`);
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as FunctionConfig;

  let metafile: Metafile;
  try {
    const result = await build({
      entryPoints: [path.join(SOURCE, name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      // the @shared/* -> shared/* alias comes from the root tsconfig's paths
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      external: EXTERNAL,
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
      // keepNames (function names in stack traces) would add ~6 KB a bundle and leave followup 3 KB under budget
      minify: true,
      // Chinese as UTF-8 (3 bytes a character), not escaped as \uXXXX (6 bytes)
      charset: 'utf8',
      plugins: [withoutZodJsonSchema],
      banner: { js: `// ${name}: built by scripts/build-functions.ts from cloudfunctions/${name}; do not edit.` },
    });
    metafile = result.metafile;
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    const detail = errors?.length
      ? errors.map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`).join('\n')
      : `  ${error instanceof Error ? error.message : String(error)}`;
    throw new BuildError(`${name}: esbuild failed\n${detail}`);
  }

  const forbidden = Object.keys(metafile.inputs).filter((input) => FORBIDDEN_INPUTS.some((re) => re.test(input)));
  if (forbidden.length > 0) {
    const shown = forbidden.slice(0, 8).map((f) => `  ${f}`);
    if (forbidden.length > shown.length) shown.push(`  … and ${forbidden.length - shown.length} more`);
    throw new BuildError(`${name}: the bundle pulls in local-only code (host/, better-sqlite3, mingo, jest):\n${shown.join('\n')}`);
  }

  const dependencies: Record<string, string> = {};
  if (importsExternal(metafile, '@cloudbase/node-sdk')) {
    requiredVersion(rootPackage, '@cloudbase/node-sdk');
    dependencies['@cloudbase/node-sdk'] = installedVersion('@cloudbase/node-sdk');
  }
  if ((config.permissions?.openapi ?? []).length > 0) dependencies['wx-server-sdk'] = WX_SERVER_SDK_VERSION;

  const pkg = {
    name: `huifang-${name}`,
    version: rootPackage.version,
    private: true,
    description: `回访 cloud function "${name}" (generated by npm run build:functions)`,
    main: 'index.js',
    dependencies,
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.copyFileSync(configFile, path.join(dir, 'config.json'));
  const output = Object.values(metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { name, dir, bytes: fs.statSync(path.join(dir, 'index.js')).size, dependencies, inputs };
}

/**
 * Zod's JSON Schema generation (`schema.toJSONSchema()`, `z.toJSONSchema`, `~standard.jsonSchema`), some
 * 18 KB minified, is referenced by every zod schema, so tree shaking cannot drop it; no function makes a
 * JSON Schema. Its two modules are replaced by stand-ins with the same exports that throw when called
 * (the `create…Method` factories, called when a schema is built, return such a function). A zod release
 * that needs more of them fails this build (a missing export) or the bundle tests (a throw at load).
 */
const ZOD_JSON_SCHEMA = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/;
export const withoutZodJsonSchema: Plugin = {
  name: 'without-zod-json-schema',
  setup(b) {
    b.onLoad({ filter: ZOD_JSON_SCHEMA }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const names = new Set<string>();
      for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1] ?? '');
      for (const m of source.matchAll(/^export\s*\{([^}]*)\}\s*;/gm)) {
        for (const part of (m[1] ?? '').split(',')) names.add(part.trim().split(/\s+as\s+/).pop()?.trim() ?? '');
      }
      names.delete('');
      if (names.size === 0) return { errors: [{ text: `found no export to stand in for in ${args.path}` }] };
      const file = path.basename(args.path);
      const lines = [
        `const unavailable = () => { throw new Error("zod JSON Schema (${file}) is left out of the cloud function bundles by scripts/build-functions.ts"); };`,
        ...[...names].map((n) => `export const ${n} = ${/^create\w*Method$/.test(n) ? '() => unavailable' : 'unavailable'};`),
      ];
      return { contents: `${lines.join('\n')}\n`, loader: 'js' };
    });
  },
};

/**
 * What cloudbaserc.json (the CloudBase CLI's list) says differently from the functions built: a function
 * it does not list, or timer triggers or a timeout other than its config.json's. Empty when they agree.
 */
export function cloudbasercDrift(names = functionNames()): string[] {
  const rcFile = path.join(ROOT, 'cloudbaserc.json');
  if (!fs.existsSync(rcFile)) return ['cloudbaserc.json is missing'];
  const rc = JSON.parse(fs.readFileSync(rcFile, 'utf8')) as { functions?: { name: string; triggers?: unknown[]; timeout?: number }[] };
  const listed = new Map((rc.functions ?? []).map((f) => [f.name, f]));
  const drift: string[] = [];
  for (const name of names) {
    const entry = listed.get(name);
    if (!entry) {
      drift.push(`cloudbaserc.json does not list "${name}": \`tcb fn deploy\` would skip it`);
      continue;
    }
    const config = JSON.parse(fs.readFileSync(path.join(SOURCE, name, 'config.json'), 'utf8')) as FunctionConfig;
    if (JSON.stringify(config.triggers ?? []) !== JSON.stringify(entry.triggers ?? [])) {
      drift.push(`"${name}": triggers in cloudbaserc.json differ from cloudfunctions/${name}/config.json`);
    }
    if (config.timeout !== entry.timeout) {
      drift.push(`"${name}": timeout ${entry.timeout ?? 'unset'} s in cloudbaserc.json, ${config.timeout ?? 'unset'} s in cloudfunctions/${name}/config.json`);
    }
  }
  return drift;
}

function importsExternal(metafile: Metafile, pkg: string): boolean {
  return Object.values(metafile.inputs).some((input) => input.imports.some((i) => i.external && i.path === pkg));
}

function requiredVersion(rootPackage: { dependencies: Record<string, string> }, pkg: string): string {
  const version = rootPackage.dependencies[pkg];
  if (!version) throw new BuildError(`${pkg} is external but not a dependency in the root package.json`);
  return version;
}

/** The exact version in node_modules: CloudBase installs the one the tests ran against, not the newest in range. */
function installedVersion(pkg: string): string {
  const file = path.join(ROOT, 'node_modules', pkg, 'package.json');
  if (!fs.existsSync(file)) throw new BuildError(`${pkg} is not installed (run npm install): its version is pinned from node_modules`);
  const { version } = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string };
  if (!version) throw new BuildError(`${file} has no version`);
  return version;
}

function defaultOutDir(): string {
  return path.resolve(ROOT, process.env.FUNCTIONS_OUT || 'build/functions');
}

async function main() {
  const started = Date.now();
  const outDir = defaultOutDir();
  try {
    const built = await buildFunctions(outDir);
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(built, null, 2)}\n`);
      return;
    }
    for (const f of built) {
      const deps = Object.entries(f.dependencies).map(([d, v]) => `${d}@${v}`).join(', ') || 'none';
      console.log(`  ${f.name.padEnd(16)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB   installs: ${deps}`);
    }
    for (const f of built.filter((b) => b.bytes > BUNDLE_BUDGET_BYTES)) {
      const largest = f.inputs.slice(0, 5).map((i) => `${i.input} ${(i.bytes / 1024).toFixed(1)} KB`).join(', ');
      console.warn(`  warning: ${f.name} is ${(f.bytes / 1024).toFixed(1)} KB, over the ${BUNDLE_BUDGET_BYTES / 1024} KB budget; largest: ${largest}`);
    }
    for (const warning of cloudbasercDrift(built.map((f) => f.name))) console.warn(`  warning: ${warning}`);
    console.log(`built ${built.length} function(s) into ${path.relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
  } catch (error) {
    console.error(error instanceof BuildError ? `build:functions failed: ${error.message}` : error);
    process.exit(1);
  }
}

if (require.main === module) void main();
