import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from '../../host/db';

const ROOT = path.resolve(__dirname, '../..');
const ENGINE = path.join(ROOT, 'host', 'db', 'index.ts');

/** The writer: adds documents one after another and prints "ack <n>" once each add has returned. */
const WRITER = `
import { openEmbeddedDatabase } from ${JSON.stringify(ENGINE)};
const db = openEmbeddedDatabase(process.argv[2]);
async function main(): Promise<void> {
  for (let n = 0; n < 100000; n++) {
    await db.collection('items').add({ _id: 'd' + n, n, at: new Date(n), pad: 'x'.repeat(200) });
    if (n % 10 === 0) await db.collection('counters').doc('c').set({ last: n });
    process.stdout.write('ack ' + n + '\\n');
  }
}
void main();
`;

/** Starts the writer, kills it with SIGKILL once it acknowledged `atLeast` writes; answers the last ack. */
function writeUntilKilled(script: string, file: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = -1;
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) last = Number(m[1]);
      }
      if (last >= atLeast && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited (${code ?? signal}) before it was killed: ${stderr}`));
    });
  });
}

describe('durability of the embedded engine', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-durability-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write when the writing process is killed with SIGKILL', async () => {
    const script = path.join(dir, 'writer.ts');
    const file = path.join(dir, 'db.sqlite');
    fs.writeFileSync(script, WRITER);

    const lastAck = await writeUntilKilled(script, file, 300);
    expect(lastAck).toBeGreaterThanOrEqual(300);

    const db = openEmbeddedDatabase(file);
    try {
      const { total } = await db.collection('items').count();
      expect(total).toBeGreaterThanOrEqual(lastAck + 1);
      const missing: number[] = [];
      for (let n = 0; n <= lastAck; n++) {
        const { data } = await db.collection('items').doc(`d${n}`).get();
        if (data.length !== 1 || data[0].n !== n || !(data[0].at instanceof Date)) missing.push(n);
      }
      expect(missing).toEqual([]);
      const counter = (await db.collection('counters').doc('c').get()).data[0];
      expect(counter?.last).toBeGreaterThanOrEqual(lastAck - (lastAck % 10));
    } finally {
      db.close();
    }
  }, 60_000);
});
