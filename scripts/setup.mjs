// Installs what a fresh clone is missing, using only Node's built-ins (nothing else is there yet).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}

/** Whether node_modules is missing or older than the lock file (so `npm install` has work to do). */
export function needsInstall() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  return !(fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs);
}

/**
 * Runs `cmd`, printing every `everySeconds` that it is still at work and for how long, so a step that
 * is silent for minutes (npm compiling better-sqlite3, webpack building) does not look stuck.
 */
export function runWithHeartbeat(cmd, args, what, everySeconds = 20) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    const beat = setInterval(() => {
      const s = Math.round((Date.now() - started) / 1000);
      console.log(`  …仍在${what}，已用 ${Math.floor(s / 60)} 分 ${s % 60} 秒`);
    }, everySeconds * 1000);
    child.on('exit', (code) => {
      clearInterval(beat);
      const s = Math.round((Date.now() - started) / 1000);
      if (code === 0) console.log(`  ✓ ${what}完成，用时 ${Math.floor(s / 60)} 分 ${s % 60} 秒`);
      resolve(code ?? 1);
    });
    child.on('error', () => resolve(1));
  });
}

/**
 * Installs from the lock file when node_modules is missing or older than it. `npm install`, not
 * `npm ci`: Taro's native bindings list optional per-platform packages (darwin, win32, arm64) that
 * the registry here does not serve, and `npm ci` refuses a lock file without them. The install
 * scripts it runs are the ones package.json's `allowScripts` approves (better-sqlite3, esbuild,
 * @swc/core); the others are declined there, so npm does not ask about them.
 */
export async function ensureNodeModules() {
  if (!needsInstall()) return;
  console.log(
    '› 安装依赖 (npm install)：第一次通常要 2-5 分钟，之后不再需要。\n' +
      '  要下载约 900 个包，并为 better-sqlite3（本地数据库）准备本机模块：能下载到预编译版本时几秒钟，\n' +
      '  下载不到时在本机编译，要 1-3 分钟，其间 npm 可能一直没有输出。',
  );
  if ((await runWithHeartbeat('npm', ['install', '--no-audit', '--no-fund'], '安装依赖')) !== 0) {
    console.error('npm install 失败：请检查网络能否访问 npm 源；编译 better-sqlite3 失败时还需要 python3、make 和 C++ 编译器（如 build-essential）');
    process.exit(1);
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium (and CJK fonts for readable screenshots), installed with apt when running as root. */
export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `没有找到 Chromium（${CHROMIUM}），浏览器测试需要它。\n` +
        '请用 root 运行一次：apt-get update && apt-get install -y chromium fonts-noto-cjk\n' +
        '或者把 CHROMIUM_PATH 设为已安装的 Chromium 路径。',
    );
    return false;
  }
  console.log('› 安装 Chromium (apt-get install chromium fonts-noto-cjk)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], { env }) !== 0) return false;
  return run('apt-get', ['install', '-y', '-q', 'chromium', 'fonts-noto-cjk'], { env }) === 0 && fs.existsSync(CHROMIUM);
}

/** Whether the H5 client is missing or older than any source it is built from. */
export function needsH5Build() {
  const out = path.join(root, 'client', 'dist', 'h5', 'index.html');
  return !fs.existsSync(out) || newestSource() > fs.statSync(out).mtimeMs;
}

/** Builds the H5 client when it is missing or older than any source it is built from. */
export async function ensureH5Build({ force = false } = {}) {
  if (!force && !needsH5Build()) return 0;
  console.log('› 构建 H5 页面 (npm run build:h5)：通常 30 秒到 2 分钟，改过页面后会重新构建。');
  return runWithHeartbeat('npm', ['run', 'build:h5'], '构建 H5 页面');
}

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'dist' || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'client'));
  walk(path.join(root, 'shared'));
  return newest;
}

export function gitRevision() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}
