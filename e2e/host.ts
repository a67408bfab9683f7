import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export interface RunningHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** POST JSON to the host as a persona; answers the parsed body */
  post(pathname: string, body: unknown, openid?: string): Promise<any>;
  get(pathname: string): Promise<any>;
}

/** Starts the local host (`host/main.ts`) on a free port with a fresh data folder and demo data. */
export async function startHost(): Promise<RunningHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-e2e-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, TIMER_INTERVAL_MS: '0', QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!output.includes('127.0.0.1')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`local host did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const call = async (pathname: string, init?: RequestInit) => (await fetch(url + pathname, init)).json();
  return {
    url,
    dataDir,
    process: child,
    post: (pathname, body, openid) =>
      call(pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
        body: JSON.stringify(body),
      }),
    get: (pathname) => call(pathname),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
