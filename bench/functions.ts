/**
 * The cloud functions as a caller meets them: handlers over the embedded database on a real file,
 * with a realistic backlog. Prints, per call, runs, total and mean time.
 *   npx tsx bench/functions.ts [tickets=2000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { complaintFunction } from '../cloudfunctions/complaint/handler';
import { escalateTimer } from '../cloudfunctions/escalate/handler';
import { repairFunction } from '../cloudfunctions/repair/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../host/db';
import { outboxMessenger, smsOutbox } from '../host/outbox';
import { timings } from './measure';

const N = Number(process.argv[2] ?? 2000);
const { rows, measure } = timings();

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-fn-'));
  const db = openEmbeddedDatabase(path.join(dir, 'bench.sqlite'));
  let now = new Date('2026-03-01T10:00:00+08:00').getTime();
  const deps: Deps = {
    db, clock: { now: () => now }, files: { stat: async () => null, saveExport: async (name: string) => `bench://${name}`, downloadUrl: async () => null, remove: async () => undefined },
    messenger: outboxMessenger(db, { now: () => now }), sms: smsOutbox(db, { now: () => now }), log: { info: () => undefined, error: () => undefined },
  };
  const managers = 20;
  for (let m = 0; m < managers; m++) await db.collection('users').doc(`sm${m}`).set({ name: `项目经理${m}`, phone: '13900000000', roles: ['siteManager'], department: 'engineering' });
  await db.collection('users').doc('dm').set({ name: '部门经理', phone: '13700000000', roles: ['deptManager'], department: 'engineering' });
  for (let p = 0; p < N / 4; p++) {
    await db.collection('users').doc(`o${p}`).set({ name: `业主${p}`, phone: '13800000000', roles: ['homeowner'] });
    await db.collection('projects').doc(`p${p}`).set({ name: `小区 ${p}`, address: '杭州', homeownerId: `o${p}`, siteManagerId: `sm${p % managers}`, department: 'engineering', staff: {}, milestones: {}, createdAt: 0 });
  }
  const repair = repairFunction(deps);
  const complaint = complaintFunction(deps);
  const event = (p: number) => ({ action: 'create', projectId: `p${p}`, category: p % 3 ? 'tiling' : 'plumbing', description: '卫生间地砖空鼓开裂', preferredVisit: { date: '2026-03-01', slot: 'evening' } });
  try {
    await measure(`repair.create (building a backlog of ${N})`, N, (i) => repair(event(i % (N / 4)), { openid: `o${i % (N / 4)}` }));
    await measure(`repair.queue (a site manager with ${N / managers} open tickets)`, 50, (i) => repair({ action: 'queue' }, { openid: `sm${i % managers}` }));
    await measure('repair.mine', 200, (i) => repair({ action: 'mine' }, { openid: `o${i % (N / 4)}` }));
    await measure('repair.overdue (department manager, nothing overdue)', 50, () => repair({ action: 'overdue' }, { openid: 'dm' }));
    await measure(`complaint.file (${N / 4} complaints)`, N / 4, (i) => complaint({ action: 'file', projectId: `p${i}`, category: 'constructionQuality', description: '墙面开裂，一直没有人来修' }, { openid: `o${i}` }));
    now += 2 * 24 * 3_600_000;
    const sweep = escalateTimer(deps);
    let runs = 0;
    let more = true;
    await measure(`escalate: every overdue repair and complaint (${N + N / 4}), run until done`, 1, async () => {
      while (more) {
        more = (await sweep()).more;
        runs++;
      }
    });
    await measure('escalate: one run with nothing due', 20, () => sweep());
    process.stdout.write(`function benchmark: ${N} repair tickets, ${N / 4} complaints, ${managers} site managers; escalation took ${runs} timer runs\n`);
    console.table(rows);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
