/**
 * The function bundles that `npm run build:functions` makes are what CloudBase runs: these tests build
 * them into a temporary folder (FUNCTIONS_OUT) the way the npm script does and check what gets uploaded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cloudbasercDrift, functionNames } from '../../scripts/build-functions';

const ROOT = path.resolve(__dirname, '../..');
// inside the repository (build/ is ignored), so that a bundle's external @cloudbase/node-sdk resolves
let out = '';
const names = functionNames();

beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  out = fs.mkdtempSync(path.join(ROOT, 'build', 'test-functions-'));
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/build-functions.ts'], {
    cwd: ROOT,
    env: { ...process.env, FUNCTIONS_OUT: out },
    stdio: 'pipe',
  });
}, 120_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const file = (name: string, f: string) => path.join(out, name, f);

/** One real action of each callable function: the caller's sign-in is checked after the action is found, before its roles and input. */
const SIGN_IN_PROBES: Record<string, string> = {
  admin: 'getConfig',
  report: 'list',
  me: 'whoami',
  repair: 'mine',
  complaint: 'mine',
  enquiry: 'mine',
  followup: 'home',
  project: 'mine',
  survey: 'get',
  notices: 'unread',
  privacy: 'consent',
  prospect: 'queue',
};

test('there are functions to build: every folder of cloudfunctions/ not starting with _', () => {
  expect(names).toEqual(expect.arrayContaining(['me', 'repair']));
  expect(names.some((n) => n.startsWith('_'))).toBe(false);
});

describe.each(names)('the %s bundle', (name) => {
  test('exports main, and requiring it needs no CloudBase environment', () => {
    const kind = execFileSync(process.execPath, ['-e', `process.stdout.write(typeof require(${JSON.stringify(file(name, 'index.js'))}).main)`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
    }).toString();
    expect(kind).toBe('function');
  });

  const isTimer = (JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8')).triggers ?? []).length > 0;

  if (isTimer) {
    test('a timer function has exactly one trigger, a 7-field cron', () => {
      const { triggers } = JSON.parse(fs.readFileSync(file(name, 'config.json'), 'utf8'));
      expect(triggers).toHaveLength(1);
      expect(triggers[0]).toMatchObject({ type: 'timer' });
      expect(String(triggers[0].config).trim().split(/\s+/)).toHaveLength(7);
    });
  } else test('answers a call that has no WeChat identity with "not signed in", before any database access', () => {
    // a real action of the function: an unknown one is refused before the sign-in check is reached
    const action = SIGN_IN_PROBES[name];
    if (!action) throw new Error(`add an action of the ${name} function to SIGN_IN_PROBES`);
    const script = `require(${JSON.stringify(file(name, 'index.js'))}).main({ action: ${JSON.stringify(action)} }, {})` +
      '.then((a) => process.stdout.write(JSON.stringify(a)))';
    const answer = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }).toString());
    expect(answer).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
  });

  test('package.json lists only the SDKs CloudBase installs, pinned to the version the tests ran against', () => {
    const pkg = JSON.parse(fs.readFileSync(file(name, 'package.json'), 'utf8'));
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.js');
    expect(Object.keys(pkg.dependencies).every((d) => ['@cloudbase/node-sdk', 'wx-server-sdk'].includes(d))).toBe(true);
    expect(pkg.dependencies['@cloudbase/node-sdk']).toBe(installed.version);
    expect(pkg.devDependencies).toBeUndefined();
  });

  test('wx-server-sdk is installed only when config.json asks for openapi permissions', () => {
    const pkg = JSON.parse(fs.readFileSync(file(name, 'package.json'), 'utf8'));
    const config = JSON.parse(fs.readFileSync(file(name, 'config.json'), 'utf8'));
    expect('wx-server-sdk' in pkg.dependencies).toBe((config.permissions?.openapi ?? []).length > 0);
  });

  test('config.json is the function source config, copied as it is', () => {
    expect(fs.readFileSync(file(name, 'config.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8'),
    );
  });

  test('the bundle holds none of the local engine: no better-sqlite3, mingo, host/ or jest', () => {
    const code = fs.readFileSync(file(name, 'index.js'), 'utf8');
    for (const s of ['better-sqlite3', 'mingo', 'host/db', '@jest/', 'jest-']) expect(code).not.toContain(s);
  });

  test('the SDKs stay outside the bundle, required at run time', () => {
    const code = fs.readFileSync(file(name, 'index.js'), 'utf8');
    expect(code).toContain('require("@cloudbase/node-sdk")');
    expect(code).not.toMatch(/SYMBOL_CURRENT_ENV\s*=/);
  });
});

test('cloudbaserc.json lists every function, with the timer triggers of its config.json', () => {
  expect(cloudbasercDrift(names)).toEqual([]);
});
