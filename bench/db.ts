/**
 * A small benchmark of the embedded database (host/db) on a real file (WAL, synchronous=FULL):
 *   npx tsx bench/db.ts [documents=10000]
 * Prints, per operation, how many ran, the total time, the mean time and operations per second.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from '../host/db';

const N = Number(process.argv[2] ?? 10_000);
const PROJECTS = 100;

interface Row {
  operation: string;
  runs: number;
  totalMs: string;
  meanMs: string;
  opsPerSec: string;
}
const rows: Row[] = [];

async function measure(operation: string, runs: number, work: (i: number) => Promise<unknown>): Promise<void> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await work(i);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rows.push({
    operation,
    runs,
    totalMs: ms.toFixed(1),
    meanMs: (ms / runs).toFixed(3),
    opsPerSec: Math.round((runs / ms) * 1000).toLocaleString('en'),
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = openEmbeddedDatabase(file);
  const _ = db.command;
  const visits = db.collection('visits');
  try {
    await measure(`add (${N} documents, one fsync each)`, N, (i) =>
      visits.add({
        _id: `v${i}`,
        projectId: `p${i % PROJECTS}`,
        status: ['open', 'done', 'late'][i % 3],
        createdAt: 1_770_000_000_000 + i * 60_000,
        score: i % 5,
        tags: i % 2 ? ['water', 'wall'] : ['floor'],
        note: `回访记录 ${i}：客户对施工进度满意，提出卫生间防水复查。`,
      }),
    );
    await measure('first query on a field (creates its index)', 1, () =>
      visits.where({ projectId: 'p1' }).orderBy('createdAt', 'desc').limit(50).get(),
    );
    await measure('where projectId = x, orderBy createdAt desc, limit 50', 500, (i) =>
      visits.where({ projectId: `p${i % PROJECTS}` }).orderBy('createdAt', 'desc').limit(50).get(),
    );
    await measure('where projectId = x and status = y, limit 50', 500, (i) =>
      visits.where({ projectId: `p${i % PROJECTS}`, status: 'open' }).limit(50).get(),
    );
    const at = (i: number): number => 1_770_000_000_000 + i * 60_000;
    await measure(`where createdAt > t (${N / 2} match), orderBy createdAt asc, limit 50`, 200, (i) =>
      visits.where({ createdAt: _.gt(at(N / 2 + (i % 100))) }).orderBy('createdAt', 'asc').limit(50).get(),
    );
    await measure(`where createdAt < t (${N / 2} match), orderBy createdAt desc, skip 50, limit 50`, 200, (i) =>
      visits.where({ createdAt: _.lt(at(N / 2 - (i % 100))) }).orderBy('createdAt', 'desc').skip(50).limit(50).get(),
    );
    await measure('where createdAt < t (none match), orderBy createdAt asc, limit 50', 200, () =>
      visits.where({ createdAt: _.lt(at(0)) }).orderBy('createdAt', 'asc').limit(50).get(),
    );
    await measure('where createdAt < t and status = y, orderBy createdAt asc, limit 50', 200, (i) =>
      visits.where({ createdAt: _.lt(at(N / 2 + (i % 100))), status: 'late' }).orderBy('createdAt', 'asc').limit(50).get(),
    );
    await measure(`count where t1 <= createdAt < t2 (${N / 100} match)`, 200, (i) =>
      visits.where({ createdAt: _.gte(at(i % 100)).and(_.lt(at((i % 100) + N / 100))) }).count(),
    );
    await measure('doc(id).get()', 2000, (i) => visits.doc(`v${(i * 7) % N}`).get());
    await measure('count where projectId = x', 500, (i) => visits.where({ projectId: `p${i % PROJECTS}` }).count());
    await measure(`count all (${N})`, 20, () => visits.count());
    await measure('doc(id).update({ score: _.inc(1) })', 2000, (i) => visits.doc(`v${(i * 13) % N}`).update({ score: _.inc(1) }));
    await measure(`where projectId = x .update (${N / PROJECTS} documents each)`, 50, (i) =>
      visits.where({ projectId: `p${i % PROJECTS}` }).update({ reviewed: i }),
    );
    await measure('runTransaction: get + update', 1000, (i) =>
      db.runTransaction(async (tx) => {
        const ref = tx.collection('visits').doc(`v${(i * 17) % N}`);
        const { data } = await ref.get();
        await ref.update({ score: ((data?.score as number) ?? 0) + 1 });
      }),
    );
    await measure('50 concurrent adds, awaited together', 20, (i) =>
      Promise.all([...Array(50).keys()].map((j) => db.collection('burst').add({ i, j }))),
    );
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`embedded database benchmark: ${N} documents, file ${file}\n`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
