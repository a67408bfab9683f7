// `npm start`: the whole product on this machine — installs what is missing, builds the H5 client,
// and starts the local host (WeChat + CloudBase stand-in) with demo data on http://127.0.0.1:8787/.
import { ensureH5Build, ensureNodeModules, run } from './setup.mjs';

ensureNodeModules();
if (ensureH5Build() !== 0) {
  console.error('H5 构建失败，见上面的输出');
  process.exit(1);
}
process.exit(run(process.execPath, ['--import', 'tsx', 'host/main.ts']));
