// `npm run test:browser`: only the browser tests, as `npm test` runs them. Installs what is missing,
// brings Chromium, builds H5 when any client/ or shared/ source is newer than the build, then lets
// Chromium drive the H5 build. Extra arguments go to jest (`npm run test:browser -- e2e/repair.test.ts`).
import path from 'node:path';
import { ensureChromium, ensureH5Build, ensureNodeModules, root, run } from './setup.mjs';

await ensureNodeModules();
if (!ensureChromium()) process.exit(1);
if ((await ensureH5Build()) !== 0) {
  console.error('H5 构建失败 (npm run build:h5)');
  process.exit(1);
}
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
process.exit(run(process.execPath, [jest, '--selectProjects', 'browser', '--runInBand', ...process.argv.slice(2)], { env: { TZ: 'UTC' } }));
