// `npm test`: every test, on a fresh clone. Installs what is missing, then: type-check, lint, the
// unit/contract/integration suites under two time zones, the function bundles, and the browser tests
// against the H5 build. Ends with one line "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium, ensureH5Build, ensureNodeModules, root, run } from './setup.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  const ok = await fn();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok, seconds });
  console.log(`${ok ? '✓' : '✗'} ${name} (${seconds}s)`);
  return ok;
}

/** Runs jest with a JSON report and adds its counts to the totals. */
function jest(args, env = {}) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-jest-')), 'report.json');
  const status = run(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${report}`, ...args], { env });
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numRuntimeErrorTestSuites > 0) totals.failed += r.numRuntimeErrorTestSuites;
  } else if (status !== 0) {
    totals.failed += 1;
  }
  return status === 0;
}

await ensureNodeModules();

await step('type-check (tsc, strict)', () => run('npm', ['run', '--silent', 'typecheck']) === 0);
await step('lint (eslint: shared/ stays pure, no cross-imports)', () => run('npm', ['run', '--silent', 'lint']) === 0);
for (const tz of ['UTC', 'America/Los_Angeles']) {
  await step(`unit, contract and integration tests (TZ=${tz})`, () =>
    jest(['--selectProjects', 'unit', 'contract', 'integration'], { TZ: tz }),
  );
}
const browserReady = await step('browser prerequisites (Chromium, H5 build)', async () => ensureChromium() && (await ensureH5Build()) === 0);
if (browserReady) {
  await step('browser tests (Chromium drives the H5 build)', () => jest(['--selectProjects', 'browser', '--runInBand'], { TZ: 'UTC' }));
} else {
  totals.failed += 1;
}

console.log('\n━━ summary');
for (const s of steps) console.log(`${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds}s)`);
const failedSteps = steps.filter((s) => !s.ok).length;
if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// the time of each stage, for `npm run bench` (bench/RESULTS.md)
fs.mkdirSync(path.join(root, 'build'), { recursive: true });
fs.writeFileSync(path.join(root, 'build', 'test-times.json'), JSON.stringify({ at: new Date().toISOString(), steps, totals }, null, 2));
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0);
