/**
 * The size budget of the function bundles: a cold start reads and compiles all of index.js, so each
 * must stay under BUNDLE_BUDGET_BYTES, 150 KB (issue 12). The bundles are built the way `npm run
 * build:functions` builds them (into a temporary FUNCTIONS_OUT, as function-bundles.test.ts does), with
 * `--json` for what each is made of: a bundle over budget is named with its size and its heaviest
 * inputs. Schemas use zod/mini; a bundle holding classic zod (zod/v4/classic) is named with the module.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_BUDGET_BYTES, functionNames, type BuiltFunction } from '../../scripts/build-functions';

const ROOT = path.resolve(__dirname, '../..');
const names = functionNames();
let out = '';
let built = new Map<string, BuiltFunction>();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  out = fs.mkdtempSync(path.join(ROOT, 'build', 'test-bundle-size-'));
  // the build runs in its own process, as `npm run build:functions -- --json`
  const json = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/build-functions.ts', '--json'], {
    cwd: ROOT,
    env: { ...process.env, FUNCTIONS_OUT: out },
    stdio: 'pipe',
  }).toString();
  built = new Map((JSON.parse(json) as BuiltFunction[]).map((f) => [f.name, f]));
}, 120_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test('every function is built', () => {
  expect([...built.keys()].sort()).toEqual(names);
});

test('the budget is at most 150 KB a bundle (issue 12)', () => {
  expect(BUNDLE_BUDGET_BYTES).toBeLessThanOrEqual(150 * 1024);
});

describe.each(names)('the %s bundle', (name) => {
  test(`is at most ${kb(BUNDLE_BUDGET_BYTES)}`, () => {
    const f = built.get(name);
    if (!f) throw new Error(`${name} was not built`);
    expect(fs.statSync(path.join(out, name, 'index.js')).size).toBe(f.bytes);
    if (f.bytes > BUNDLE_BUDGET_BYTES) {
      const largest = f.inputs.slice(0, 10).map((i) => `  ${kb(i.bytes).padStart(9)}  ${i.input}`);
      throw new Error(
        `the ${name} bundle is ${kb(f.bytes)} (${f.bytes} bytes), over the ${kb(BUNDLE_BUDGET_BYTES)} budget ` +
          `(scripts/build-functions.ts BUNDLE_BUDGET_BYTES). Largest inputs in it:\n${largest.join('\n')}`,
      );
    }
  });

  test('holds zod/mini, not classic zod (zod/v4/classic, ~45 KB more)', () => {
    const inputs = (built.get(name)?.inputs ?? []).filter((i) => i.bytes > 0).map((i) => i.input);
    expect(inputs.filter((i) => /node_modules\/zod\/v4\/mini\//.test(i)).length).toBeGreaterThan(0);
    expect(inputs.filter((i) => /node_modules\/zod\/(v4\/classic|v3)\//.test(i))).toEqual([]);
  });

  test('holds one zod locale, Chinese (and English, zod\'s own default), not the others', () => {
    const locales = (built.get(name)?.inputs ?? [])
      .filter((i) => /node_modules\/zod\/.*\/locales\//.test(i.input) && i.bytes > 0)
      .map((i) => path.basename(i.input));
    expect(locales.filter((l) => !/^(zh-CN|en)\.c?js$/.test(l))).toEqual([]);
  });
});
