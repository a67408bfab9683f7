/**
 * The weapp's size budget, held well inside what WeChat enforces when the code is uploaded (main package
 * 2 MB, each subpackage 2 MB, all of them 20 MB, 2 MB of preloading per package), so a page that grows
 * fails here long before WeChat refuses it, and a slow first screen is caught too:
 * - main package (what is downloaded before the home page shows) at most MAIN_BUDGET,
 * - each subpackage at most SUBPACKAGE_BUDGET,
 * - what one package's preloadRule fetches at most PRELOAD_BUDGET, everything at most TOTAL_BUDGET.
 * A package over budget is named with its size and its biggest files and the source modules in them
 * (client/config/sizeReport.ts). The function bundles have their own budget (bundle-size.test.ts).
 *
 * The weapp is built by scripts/weapp-size.ts as `CLOUD_ENV=… npm run build:weapp` builds it, into
 * build/weapp-size/<hash of the inputs> rather than client/dist/; a build of the same sources is reused
 * (`npm test` runs this suite under two time zones; the sizes do not depend on it). Sizes are the bytes of the files as built; the
 * sizes WeChat shows after compiling are close to them, and the budgets leave room for the difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWeapp, type AppJson, type SizeReport } from '../../scripts/weapp-size';

const KB = 1024;
const MAIN_BUDGET = 400 * KB;
const SUBPACKAGE_BUDGET = 300 * KB;
const PRELOAD_BUDGET = 1536 * KB; // WeChat: 2 MB
const TOTAL_BUDGET = 16 * 1024 * KB; // WeChat: 20 MB

const ROOT = path.resolve(__dirname, '../..');
const CLIENT = path.join(ROOT, 'client');
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

let out = '';
let app: AppJson = { pages: [] };
let files: { file: string; bytes: number }[] = [];
let report: SizeReport = {};

beforeAll(() => {
  ({ out, app, files, report } = buildWeapp());
}, 300_000);

const roots = () => (app.subPackages ?? []).map((s) => s.root);
const inRoot = (file: string, root: string) => file.startsWith(`${root}/`);
/** The files of one package: a subpackage's under its root, the main package's everything else. */
function packageFiles(root: string | null) {
  return root === null ? files.filter((f) => !roots().some((r) => inRoot(f.file, r))) : files.filter((f) => inRoot(f.file, root));
}
const sizeOf = (root: string | null) => packageFiles(root).reduce((sum, f) => sum + f.bytes, 0);

/** The source modules of a built script: a subpackage's sub-common/x.js is the chunk sub-common/x.js of the report. */
function modulesOf(file: string, root: string | null) {
  return report[file] ?? report[root ? file.slice(root.length + 1) : file] ?? [];
}

/** The package's biggest files and, for each script, the biggest source modules in it. */
function contributors(root: string | null): string {
  return packageFiles(root)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6)
    .map((f) => {
      const modules = modulesOf(f.file, root);
      const top = modules.slice(0, 4).map((m) => `\n        ${kb(m.bytes).padStart(9)}  ${m.module.replace(/^.*node_modules\//, '')} (before minifying)`);
      return `\n  ${kb(f.bytes).padStart(9)}  ${f.file}${top.join('')}`;
    })
    .join('');
}

function overBudget(name: string, root: string | null, budget: number): string | null {
  const bytes = sizeOf(root);
  if (bytes <= budget) return null;
  return `${name} is ${kb(bytes)}, over its ${kb(budget)} budget (tests/integration/weapp-size.test.ts). Biggest files:${contributors(root)}`;
}

test(`the main package (what loads before the home page) is at most ${kb(MAIN_BUDGET)}`, () => {
  const problem = overBudget('the main package', null, MAIN_BUDGET);
  if (problem) throw new Error(problem);
  expect(sizeOf(null)).toBeGreaterThan(0);
});

test(`every subpackage is at most ${kb(SUBPACKAGE_BUDGET)}`, () => {
  expect(roots().length).toBeGreaterThan(0);
  const problems = roots()
    .map((root) => overBudget(`the subpackage ${root}`, root, SUBPACKAGE_BUDGET))
    .filter((p): p is string => p !== null);
  if (problems.length) throw new Error(problems.join('\n\n'));
});

test(`what one package preloads is at most ${kb(PRELOAD_BUDGET)}, and all packages together at most ${kb(TOTAL_BUDGET)}`, () => {
  const packageOf = (page: string) => roots().find((r) => inRoot(page, r)) ?? null;
  const preloaded = new Map<string, Set<string>>();
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    const key = packageOf(page) ?? '(main)';
    const set = preloaded.get(key) ?? new Set<string>();
    for (const p of rule.packages) set.add(p);
    preloaded.set(key, set);
  }
  const problems: string[] = [];
  for (const [from, packages] of preloaded) {
    const bytes = [...packages].reduce((sum, p) => sum + sizeOf(p), 0);
    if (bytes > PRELOAD_BUDGET) problems.push(`pages of ${from} preload ${kb(bytes)} (${[...packages].join(', ')}), over ${kb(PRELOAD_BUDGET)}`);
  }
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  if (total > TOTAL_BUDGET) problems.push(`all packages together are ${kb(total)}, over ${kb(TOTAL_BUDGET)}`);
  expect(problems).toEqual([]);
  expect(preloaded.get('(main)')?.size).toBeGreaterThan(0);
});

test('the main package holds the home page and no zod (validation goes with the pages that submit forms)', () => {
  expect(app.pages).toEqual(['pages/index/index']);
  const mainScripts = packageFiles(null).filter((f) => f.file.endsWith('.js'));
  const withZod = mainScripts.filter((f) => (report[f.file] ?? []).some((m) => /node_modules\/zod\//.test(m.module)));
  expect(withZod.map((f) => f.file)).toEqual([]);
});

test('no package carries classic zod: the forms validate with zod/mini (issue 12: ~50 KB less in each form subpackage)', () => {
  const classic: string[] = [];
  let mini = 0;
  for (const root of [null, ...roots()]) {
    for (const f of packageFiles(root).filter((x) => x.file.endsWith('.js'))) {
      for (const m of modulesOf(f.file, root)) {
        if (/node_modules\/zod\/(v4\/classic|v3)\//.test(m.module)) classic.push(`${f.file}: ${m.module.replace(/^.*node_modules\//, '')} (${kb(m.bytes)} before minifying)`);
        if (/node_modules\/zod\/v4\/mini\//.test(m.module)) mini++;
      }
    }
  }
  expect(mini).toBeGreaterThan(0);
  expect(classic).toEqual([]);
});

test('the packages follow WeChat\'s rules: a root is a folder inside no other root, and no main page lies in one', () => {
  const problems: string[] = [];
  for (const root of roots()) {
    if (root.startsWith('/') || root.endsWith('/')) problems.push(`root "${root}" starts or ends with /`);
    if (!fs.statSync(path.join(out, root), { throwIfNoEntry: false })?.isDirectory()) problems.push(`root "${root}" is not a folder of the build`);
    for (const other of roots()) if (other !== root && inRoot(root, other)) problems.push(`root "${root}" is inside root "${other}"`);
    for (const page of app.pages) if (inRoot(page, root)) problems.push(`main page "${page}" lies in root "${root}"`);
  }
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    for (const p of rule.packages) if (!roots().includes(p)) problems.push(`preloadRule of ${page} names "${p}", which is no subpackage`);
  }
  expect(problems).toEqual([]);
});

test('every route the client navigates to (lib/routes.ts) is a page of the build, at the same path', () => {
  const pages = new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]);
  const source = fs.readFileSync(path.join(CLIENT, 'src', 'lib', 'routes.ts'), 'utf8');
  const routes = [...source.matchAll(/[`']\/([a-z0-9/-]+\/index)[`'$?]/g)].map((m) => m[1] ?? '');
  expect(routes.length).toBeGreaterThan(10);
  // the dev persona picker exists only in the H5 build
  expect(routes.filter((r) => !pages.has(r) && r !== 'pages/dev/index')).toEqual([]);
  for (const page of pages) expect(fs.existsSync(path.join(out, `${page}.js`))).toBe(true);
});
