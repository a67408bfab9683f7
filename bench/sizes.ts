/**
 * Sizes as WeChat and CloudBase receive them: the weapp's main package and each subpackage (and zod's
 * share of the subpackages that validate forms), and each function bundle with the time a fresh Node
 * takes to load it on top of @cloudbase/node-sdk (a cold start's share of our code).
 *   npx tsx bench/sizes.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { buildWeapp, packageSizes } from '../scripts/weapp-size';

const ROOT = path.resolve(__dirname, '..');

export interface SizesResult {
  weapp: { packages: { name: string; bytes: number; zodBytes: number }[]; rebuilt: boolean };
  functions: { name: string; bytes: number; loadMs: number }[];
}

/** Median ms of `runs` fresh Node processes requiring `file` after the SDK. */
function loadMs(file: string, runs = 5): number {
  const script = [
    "require('@cloudbase/node-sdk');",
    'const t = process.hrtime.bigint();',
    `require(${JSON.stringify(file)});`,
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
  ].join('');
  const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT }).toString()));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

export async function benchSizes(): Promise<SizesResult> {
  const build = buildWeapp();
  const zodFiles = new Set(
    Object.entries(build.report)
      .filter(([, modules]) => modules.length > 0 && modules.every((m) => m.module.includes('node_modules/zod/')))
      .map(([file]) => file),
  );
  const sizes = packageSizes(build);
  const packages = [...sizes].map(([name, bytes]) => {
    const zodBytes = build.files
      .filter((f) => (name === '(main)' ? !f.file.includes('/sub-common/') : f.file.startsWith(`${name}/`)))
      .filter((f) => zodFiles.has(name === '(main)' ? f.file : f.file.slice(name.length + 1)))
      .reduce((sum, f) => sum + f.bytes, 0);
    return { name, bytes, zodBytes };
  });
  // inside the repository (build/ is ignored), so that a bundle's external @cloudbase/node-sdk resolves
  const out = path.join(ROOT, 'build', 'bench-functions');
  const built = await buildFunctions(out);
  try {
    const functions = built.map((f) => ({ name: f.name, bytes: f.bytes, loadMs: loadMs(path.join(f.dir, 'index.js')) }));
    return { weapp: { packages, rebuilt: build.built }, functions };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchSizes()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
