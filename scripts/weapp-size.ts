/**
 * The weapp as WeChat receives it, measured: built as `CLOUD_ENV=… npm run build:weapp` builds it, into
 * build/weapp-size/<hash of the inputs> (a build of the same sources is reused), with a report of what
 * each script is made of (client/config/sizeReport.ts). Used by tests/integration/weapp-size.test.ts
 * and `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CLIENT = path.join(ROOT, 'client');

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
}
export type SizeReport = Record<string, { module: string; bytes: number }[]>;
export interface WeappBuild {
  out: string;
  app: AppJson;
  files: { file: string; bytes: number }[];
  report: SizeReport;
  /** whether this call built it (false: an earlier build of the same sources) */
  built: boolean;
}

/** Every file under `dir`, relative to it ('/'-separated), with its size. */
export function filesIn(dir: string, base = dir): { file: string; bytes: number }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesIn(full, base) : [{ file: path.relative(base, full).split(path.sep).join('/'), bytes: fs.statSync(full).size }];
  });
}

/** A hash of what the build reads: the client's sources and config, shared/, the installed versions. */
function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  const add = (dir: string) => {
    for (const { file } of filesIn(dir).sort((a, b) => a.file.localeCompare(b.file))) {
      hash.update(file);
      hash.update(fs.readFileSync(path.join(dir, file)));
    }
  };
  add(path.join(CLIENT, 'src'));
  add(path.join(CLIENT, 'config'));
  add(path.join(ROOT, 'shared'));
  for (const f of ['client/babel.config.js', 'client/tsconfig.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(ROOT, f)));
  return hash.digest('hex').slice(0, 16);
}

export function buildWeapp(): WeappBuild {
  const dir = path.join(ROOT, 'build', 'weapp-size');
  const out = path.join(dir, inputsHash());
  const reportFile = path.join(out, '.size-report.json');
  const built = !fs.existsSync(reportFile);
  if (built) {
    fs.rmSync(dir, { recursive: true, force: true }); // builds of older sources
    execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
      cwd: CLIENT,
      env: { ...process.env, NODE_ENV: 'production', CLOUD_ENV: 'size-budget-test', TARO_OUTPUT_ROOT: out, SIZE_REPORT: reportFile },
      stdio: 'pipe',
    });
  }
  return {
    out,
    app: JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as AppJson,
    files: filesIn(out).filter((f) => !f.file.startsWith('.')),
    report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SizeReport,
    built,
  };
}

/** The bytes of each package: '(main)' and each subpackage root. */
export function packageSizes(build: WeappBuild): Map<string, number> {
  const roots = (build.app.subPackages ?? []).map((s) => s.root);
  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r) => [r, 0] as const)]);
  for (const f of build.files) {
    const root = roots.find((r) => f.file.startsWith(`${r}/`)) ?? '(main)';
    sizes.set(root, (sizes.get(root) ?? 0) + f.bytes);
  }
  return sizes;
}
