/**
 * The local host as `npm start` runs it (functions over the embedded database on a file, WAL and
 * synchronous=FULL), on a free port, with LOAD_HOMEOWNERS homeowners and their projects; prints the port.
 * Started by bench/load.ts in its own process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MovableClock } from '../../host/clock';
import { openEmbeddedDatabase } from '../../host/db';
import { LocalFileStorage } from '../../host/files';
import { FUNCTIONS } from '../../host/functions';
import { outboxMessenger, smsOutbox } from '../../host/outbox';
import { createHost } from '../../host/server';
import { serveUntilStopped } from './serve';

async function main(): Promise<void> {
  const homeowners = Number(process.env.LOAD_HOMEOWNERS ?? 200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-load-'));
  const db = openEmbeddedDatabase(path.join(dir, 'host.sqlite'));
  const clock = new MovableClock(dir);
  const files = new LocalFileStorage(path.join(dir, 'files'));
  await db.runTransaction(async (tx) => {
    await tx.collection('users').doc('sm0').set({ name: '项目经理', phone: '13900000000', roles: ['siteManager'], department: 'engineering' });
    for (let i = 0; i < homeowners; i++) {
      await tx.collection('users').doc(`o${i}`).set({ name: `业主${i}`, phone: `138${String(i).padStart(8, '0')}`, roles: ['homeowner'] });
      await tx.collection('projects').doc(`p${i}`).set({
        name: `小区 ${i}`, address: '杭州', homeownerId: `o${i}`, siteManagerId: 'sm0', department: 'engineering', staff: {}, milestones: {}, createdAt: i,
      });
    }
  });
  const server = createHost({
    deps: { db, clock, files, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } },
    functions: FUNCTIONS,
    timers: {},
    staticDir: dir,
    local: true,
  });
  serveUntilStopped(server, db, dir);
}

void main();
