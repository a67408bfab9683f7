/**
 * The local host under load, against a bare node:http + SQLite server doing the same work in the same
 * run: 50 concurrent clients, 70% reads (a homeowner's repairs) and 30% writes (a new repair), for
 * LOAD_SECONDS (30) each. Each server runs in its own process; the load generator shares the machine,
 * so only the ratios mean anything. Prints throughput and p50/p99 per server and the host's ratios.
 *   npx tsx bench/load.ts [seconds=30]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { cstDate } from '@shared/core/time';

const CLIENTS = 50;
const READ_SHARE = 0.7;
const HOMEOWNERS = 200;

export interface LoadResult {
  server: string;
  seconds: number;
  requests: number;
  failed: number;
  perSecond: number;
  read: { p50: number; p99: number };
  write: { p50: number; p99: number };
}

function start(script: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'load', script)], {
      env: { ...process.env, LOAD_HOMEOWNERS: String(HOMEOWNERS) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.once('data', (d: Buffer) => resolve({ child, port: Number(d.toString().trim()) }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0 : 0);

async function drive(server: string, port: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const reads: number[] = [];
  const writes: number[] = [];
  let failed = 0;
  let n = 0;
  const until = Date.now() + seconds * 1000;
  const tomorrow = cstDate(Date.now() + 86_400_000);
  const call = (openid: string, event: object) =>
    new Promise<boolean>((resolve) => {
      const body = JSON.stringify(event);
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/functions/repair', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-openid': openid } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(res.statusCode === 200 && Buffer.concat(chunks).toString('utf8').startsWith('{"ok":true')));
        },
      );
      req.on('error', () => resolve(false));
      req.end(body);
    });
  const client = async () => {
    while (Date.now() < until) {
      const i = n++;
      const owner = i % HOMEOWNERS;
      const write = Math.random() >= READ_SHARE;
      const started = process.hrtime.bigint();
      const ok = write
        ? await call(`o${owner}`, { action: 'create', projectId: `p${owner}`, category: i % 3 ? 'tiling' : 'plumbing', description: '卫生间地砖空鼓开裂', preferredVisit: { date: tomorrow, slot: 'evening' } })
        : await call(`o${owner}`, { action: 'mine' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!ok) failed++;
      (write ? writes : reads).push(ms);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  agent.destroy();
  reads.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  const requests = reads.length + writes.length;
  return {
    server, seconds, requests, failed, perSecond: requests / seconds,
    read: { p50: percentile(reads, 50), p99: percentile(reads, 99) },
    write: { p50: percentile(writes, 50), p99: percentile(writes, 99) },
  };
}

export async function benchLoad(seconds = 30): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const [name, script] of [['bare node:http + better-sqlite3', 'bareServer.ts'], ['local host (npm start)', 'hostServer.ts']] as const) {
    const { child, port } = await start(script);
    try {
      results.push(await drive(name, port, seconds));
    } finally {
      child.kill('SIGTERM');
    }
  }
  return results;
}

if (require.main === module) {
  benchLoad(Number(process.argv[2] ?? 30))
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
