// Installs what a fresh clone is missing, using only Node's built-ins (nothing else is there yet).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}

/**
 * Installs from the lock file when node_modules is missing or older than it. `npm install`, not
 * `npm ci`: Taro's native bindings list optional per-platform packages (darwin, win32, arm64) that
 * the registry here does not serve, and `npm ci` refuses a lock file without them.
 */
export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('› 安装依赖 (npm install)…');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm install 失败：请检查网络能否访问 npm 源');
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

/** Builds the H5 client when it is missing or older than any source it is built from. */
export function ensureH5Build({ force = false } = {}) {
  const out = path.join(root, 'client', 'dist', 'h5', 'index.html');
  if (!force && fs.existsSync(out) && newestSource() <= fs.statSync(out).mtimeMs) return 0;
  console.log('› 构建 H5 页面 (npm run build:h5)…');
  return run('npm', ['run', 'build:h5']);
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
