/**
 * `npm run bench`: every benchmark, one after another; each prints its own figures. Then writes
 * bench/RESULTS.md with the date, the machine and the figures of the scale benchmarks (the scheduler at
 * 1,000 / 10,000 / 100,000 projects, the host under load beside a bare server, repair.create against a
 * raw insert, the sizes, and the time of the last `npm test` by stage). Not part of `npm test`.
 *   npm run bench                     everything (about 10 minutes)
 *   BENCH_QUICK=1 npm run bench       smaller sizes and a 5 s load, to try it out (RESULTS.md untouched)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_BUDGET_BYTES } from '../scripts/build-functions';
import { benchLoad, type LoadResult } from './load';
import { benchRepairCreate, type RepairCreateResult } from './repairCreate';
import { benchScheduler, type SchedulerResult } from './scheduler';
import { benchSizes, type SizesResult } from './sizes';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const x = (n: number) => `${n.toFixed(2)}×`;
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function machine(): string {
  const cpus = os.cpus();
  const gb = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${gb} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function schedulerSection(results: SchedulerResult[]): string {
  const rows = results.map((r) => [
    r.projects.toLocaleString('en'), r.followUps.toLocaleString('en'), `${r.setupSeconds.toFixed(0)} s`, r.due,
    ms(r.firstRun.ms), r.firstRun.reads, r.firstRun.writes, r.firstRun.sent, r.firstRun.phoneTasks, r.runsToClear, r.sentInAll,
  ]);
  const at = (n: number) => results.find((r) => r.projects === n);
  const small = at(10_000);
  const big = at(100_000);
  const growth = small && big
    ? `From 10,000 to 100,000 projects (10× the projects and follow-ups, the same 1,000 due), one run's time grew ${x(big.firstRun.ms / small.firstRun.ms)}, its reads ${x(big.firstRun.reads / small.firstRun.reads)} and its writes ${x(big.firstRun.writes / small.firstRun.writes)}.`
    : '';
  return [
    '## Scheduler (dispatch timer)',
    '',
    'Projects spread over every stage and warranty year (deposit paid, started, concealed works, mid payment, near completion, just completed, warranty years 1-5), each with the follow-ups its milestones plan (past ones done, the rest waiting for their day), 1,000 of them due now; half of those homeowners hold a subscription credit. The embedded database on a file (WAL, synchronous=FULL); reads and writes counted by host/db/counting.ts. A run takes at most 4 pages of 50.',
    '',
    table(['projects', 'follow-ups stored', 'setup', 'due', 'one run', 'reads', 'writes', 'messages sent', 'phone tasks', 'runs to clear the 1,000', 'messages in all'], rows),
    '',
    growth,
  ].join('\n');
}

function loadSection(results: LoadResult[]): string {
  const [bare, host] = results;
  if (!bare || !host) return '';
  const rows = results.map((r) => [r.server, r.requests, r.failed, r.perSecond.toFixed(0), ms(r.read.p50), ms(r.read.p99), ms(r.write.p50), ms(r.write.p99)]);
  return [
    '## Local host under load',
    '',
    `50 concurrent clients, 70% reads (repair.mine) and 30% writes (repair.create), ${host.seconds} s against each server, each server in its own process, the load generator on the same machine: only the ratios mean anything.`,
    '',
    table(['server', 'requests', 'failed', 'per second', 'read p50', 'read p99', 'write p50', 'write p99'], rows),
    '',
    `The host against the bare server: throughput ${x(host.perSecond / bare.perSecond)}, read p50 ${x(host.read.p50 / bare.read.p50)}, read p99 ${x(host.read.p99 / bare.read.p99)}, write p50 ${x(host.write.p50 / bare.write.p50)}, write p99 ${x(host.write.p99 / bare.write.p99)}.`,
  ].join('\n');
}

function createSection(results: RepairCreateResult[]): string {
  const rows = results.map((r) => [r.storage === 'file' ? 'file (WAL, synchronous=FULL)' : 'memory', r.runs, ms(r.functionMs), ms(r.rawMs), x(r.ratio)]);
  return [
    '## repair.create in-process against a raw insert',
    '',
    'The whole action (event checked, caller and project loaded, the ticket built and checked by its schema, stored through the embedded database) against a better-sqlite3 INSERT of the same documents.',
    '',
    table(['storage', 'runs', 'repair.create', 'raw insert', 'ratio'], rows),
  ].join('\n');
}

function sizesSection(s: SizesResult): string {
  const packages = s.weapp.packages.map((p) => [p.name, kb(p.bytes), p.zodBytes ? kb(p.zodBytes) : '-']);
  const functions = s.functions.map((f) => [f.name, kb(f.bytes), ms(f.loadMs)]);
  return [
    '## Sizes',
    '',
    'Weapp packages (budgets in tests/integration/weapp-size.test.ts: main 400 KB, each subpackage 300 KB), with the bytes of zod each carries:',
    '',
    table(['package', 'size', 'of it zod'], packages),
    '',
    `Function bundles (budget ${BUNDLE_BUDGET_BYTES / 1024} KB, tests/integration/bundle-size.test.ts) and the median time a fresh Node takes to load each on top of @cloudbase/node-sdk (5 runs):`,
    '',
    table(['function', 'index.js', 'load'], functions),
  ].join('\n');
}

function testTimesSection(): string {
  const file = path.join(ROOT, 'build', 'test-times.json');
  if (!fs.existsSync(file)) return '## `npm test` by stage\n\nNo `npm test` has run on this machine yet (scripts/test.mjs writes build/test-times.json).';
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as { at: string; steps: { name: string; ok: boolean; seconds: string }[] };
  const total = t.steps.reduce((sum, s) => sum + Number(s.seconds), 0);
  return [
    '## `npm test` by stage',
    '',
    `The last run, ${t.at}:`,
    '',
    table(['stage', 'time', 'passed'], [...t.steps.map((s) => [s.name, `${s.seconds} s`, s.ok ? 'yes' : 'no']), ['all', `${total.toFixed(0)} s`, '']]),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!QUICK) {
    for (const script of ['db.ts', 'functions.ts', 'followups.ts', 'counts.ts']) {
      execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, script)], { stdio: 'inherit' });
    }
  }
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    process.stdout.write(`\n━━ ${name}\n`);
    const result = await work();
    process.stdout.write(`${JSON.stringify(result)}\n(${((Date.now() - t) / 1000).toFixed(0)} s)\n`);
    return result;
  };
  const scheduler: SchedulerResult[] = [];
  for (const n of QUICK ? [1000, 10_000] : [1000, 10_000, 100_000]) scheduler.push(await step(`scheduler, ${n} projects`, () => benchScheduler(n)));
  const load = await step('local host under load, beside a bare server', () => benchLoad(QUICK ? 5 : 30));
  const create = [await step('repair.create, on a file', () => benchRepairCreate(500, 'file')), await step('repair.create, in memory', () => benchRepairCreate(2000, 'memory'))];
  const sizes = await step('sizes', () => benchSizes());
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, in ${minutes} minutes.`,
    `Machine: ${machine()}. The machine was shared with other work while it ran, so absolute times are rough; the counts and the ratios are what to read.`,
    '',
    schedulerSection(scheduler),
    '',
    loadSection(load),
    '',
    createSection(create),
    '',
    sizesSection(sizes),
    '',
    testTimesSection(),
    '',
  ].join('\n');
  process.stdout.write(`\n${report}`);
  if (!QUICK) fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
