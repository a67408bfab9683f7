/**
 * What the function layer costs on the write homeowners make most: repair.create in-process (event
 * checked, caller and project loaded, rules applied, the ticket checked by its schema and stored
 * through the embedded database) against a raw better-sqlite3 INSERT of the very documents it stored,
 * both on a file with WAL and synchronous=FULL, and both in memory (the CPU work alone).
 *   npx tsx bench/repairCreate.ts [runs=500]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cstDate } from '@shared/core/time';
import { repairFunction } from '../cloudfunctions/repair/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../host/db';
import { outboxMessenger, smsOutbox } from '../host/outbox';

export interface RepairCreateResult {
  /** 'file': both on a file, WAL and synchronous=FULL (each write waits for the disk); 'memory': both in memory (the CPU work alone) */
  storage: 'file' | 'memory';
  runs: number;
  functionMs: number;
  rawMs: number;
  ratio: number;
}

export async function benchRepairCreate(runs = 500, storage: 'file' | 'memory' = 'file'): Promise<RepairCreateResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-create-'));
  const db = openEmbeddedDatabase(storage === 'file' ? path.join(dir, 'host.sqlite') : ':memory:');
  const raw = new Database(storage === 'file' ? path.join(dir, 'raw.sqlite') : ':memory:');
  try {
    const now = new Date('2026-03-01T10:00:00+08:00').getTime();
    const clock = { now: () => now };
    const deps: Deps = { db, clock, files: { stat: async () => null, saveExport: async (name: string) => `bench://${name}`, downloadUrl: async () => null, remove: async () => undefined }, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
    const owners = 100;
    await db.runTransaction(async (tx) => {
      await tx.collection('users').doc('sm0').set({ name: '项目经理', phone: '13900000000', roles: ['siteManager'], department: 'engineering' });
      for (let i = 0; i < owners; i++) {
        await tx.collection('users').doc(`o${i}`).set({ name: `业主${i}`, phone: '13800000000', roles: ['homeowner'] });
        await tx.collection('projects').doc(`p${i}`).set({ name: `小区 ${i}`, address: '杭州', homeownerId: `o${i}`, siteManagerId: 'sm0', department: 'engineering', staff: {}, milestones: {}, createdAt: i });
      }
    });
    const repair = repairFunction(deps);
    const tomorrow = cstDate(now + 86_400_000);
    let started = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) {
      const r = (await repair({ action: 'create', projectId: `p${i % owners}`, category: 'tiling', description: '卫生间地砖空鼓开裂', preferredVisit: { date: tomorrow, slot: 'evening' } }, { openid: `o${i % owners}` })) as { ok: boolean };
      if (!r.ok) throw new Error(`repair.create failed: ${JSON.stringify(r)}`);
    }
    const functionMs = Number(process.hrtime.bigint() - started) / 1e6;

    const stored = (await db.collection('repairs').limit(1000).get()).data;
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE repairs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const insert = raw.prepare<[string, string]>('INSERT INTO repairs (id, doc) VALUES (?, ?)');
    started = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) {
      const doc = stored[i % stored.length] ?? {};
      insert.run(`raw${i}`, JSON.stringify(doc));
    }
    const rawMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { storage, runs, functionMs, rawMs, ratio: functionMs / rawMs };
  } finally {
    db.close();
    raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 500);
  Promise.all([benchRepairCreate(runs, 'file'), benchRepairCreate(runs, 'memory')])
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
