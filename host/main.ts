import fs from 'node:fs';
import path from 'node:path';
import { openEmbeddedDatabase } from './db';
import { MovableClock } from './clock';
import { seedDemoData } from './demo';
import { LocalFileStorage } from './files';
import { FUNCTIONS } from './functions';
import { jsonLogger } from './logger';
import { outboxMessenger, smsOutbox } from './outbox';
import { createHost } from './server';
import { TIMERS } from './timers';

/**
 * `npm start` ends here: the local stand-in for WeChat and CloudBase on 127.0.0.1:8787 (PORT overrides),
 * with its data under DATA_DIR (default .data/) and the demo data loaded on first start.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
  const port = Number(process.env.PORT ?? 8787);
  const local = process.env.HUIFANG_MODE !== 'production';
  fs.mkdirSync(dataDir, { recursive: true });

  const db = openEmbeddedDatabase(path.join(dataDir, 'huifang.sqlite'));
  const clock = new MovableClock(dataDir);
  const files = new LocalFileStorage(path.join(dataDir, 'files'));
  const log = jsonLogger(process.env.QUIET === '1');
  const deps = { db, clock, files, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log };
  if (local && (await seedDemoData(db, clock.now(), files))) log.info('demo data loaded', { dataDir });

  const server = createHost({
    deps,
    functions: FUNCTIONS,
    timers: TIMERS,
    staticDir: path.join(root, 'client', 'dist', 'h5'),
    local,
  });
  const stopTimers = startTimers(deps, Number(process.env.TIMER_INTERVAL_MS ?? 60_000));
  server.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请关闭占用它的程序，或用 PORT=其他端口 npm start\n` : `本地服务出错: ${e.message}\n`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`huifang 本地服务已启动: http://127.0.0.1:${port}/  (数据目录 ${dataDir})\n`);
  });
  const stop = () => {
    stopTimers();
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs each timer function on an interval, the way CloudBase's timer triggers do (0 turns them off). */
function startTimers(deps: Parameters<(typeof TIMERS)[string]>[0], intervalMs: number): () => void {
  if (!(intervalMs > 0)) return () => undefined;
  const handles = Object.entries(TIMERS).map(([name, make]) => {
    const run = make(deps);
    return setInterval(() => {
      run().catch((e: unknown) => deps.log.error(`timer ${name} failed`, { error: String(e) }));
    }, intervalMs);
  });
  return () => handles.forEach(clearInterval);
}

main().catch((e: unknown) => {
  process.stderr.write(`本地服务启动失败: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
