// `npm start`: the whole product on this machine — installs what is missing, builds the H5 client,
// and starts the local host (WeChat + CloudBase stand-in) with demo data on http://127.0.0.1:8787/.
import { spawn } from 'node:child_process';
import { ensureH5Build, ensureNodeModules, root } from './setup.mjs';

ensureNodeModules();
if (ensureH5Build() !== 0) {
  console.error('H5 构建失败，见上面的输出');
  process.exit(1);
}
const host = spawn(process.execPath, ['--import', 'tsx', 'host/main.ts'], { cwd: root, stdio: 'inherit' });
// stopping `npm start` (Ctrl-C, a supervisor's SIGTERM) stops the host with it
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
