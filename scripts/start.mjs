// `npm start`: the whole product on this machine — installs what is missing, builds the H5 client,
// and starts the local host (WeChat + CloudBase stand-in) with demo data on http://127.0.0.1:8787/.
import { spawn } from 'node:child_process';
import { ensureH5Build, ensureNodeModules, needsH5Build, needsInstall, root } from './setup.mjs';

const install = needsInstall();
const build = install || needsH5Build();
if (install || build) {
  const steps = [install && '安装依赖（2-5 分钟）', build && '构建 H5 页面（0.5-2 分钟）', '启动本地服务（几秒）'].filter(Boolean);
  console.log(`huifang 第一次启动（或依赖、页面有更新）要先做这几步：${steps.map((s, i) => `${i + 1}. ${s}`).join('  ')}`);
  console.log('之后再运行 npm start 只需几秒。');
}
await ensureNodeModules();
if ((await ensureH5Build()) !== 0) {
  console.error('H5 构建失败，见上面的输出');
  process.exit(1);
}
const host = spawn(process.execPath, ['--import', 'tsx', 'host/main.ts'], { cwd: root, stdio: 'inherit' });
// stopping `npm start` (Ctrl-C, a supervisor's SIGTERM) stops the host with it
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
