/**
 * The dispatch timer at scale: 1,000, 10,000 and 100,000 projects spread over every stage and warranty
 * year, each with the follow-ups its milestones plan (the past ones done, the rest waiting for their
 * day), and 1,000 of them due now. For one run: its time, the database reads and writes (through the
 * counting wrapper, host/db/counting.ts) and the messages sent; the growth from 10,000 to 100,000
 * projects; and how many runs clear the 1,000 due. The work must follow what is due, not how many
 * projects there are. Setting up the data is timed apart.
 *   npx tsx bench/scheduler.ts [sizes=1000,10000,100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEDULE } from '@shared/followup/config';
import { grantCredit } from '@shared/followup/credits';
import { followUpId, newFollowUp, windowOpensAt, type FollowUp } from '@shared/followup/followup';
import { followUpPlan } from '@shared/followup/schedule';
import type { Milestone } from '@shared/project/project';
import { cst, cstDate } from '@shared/core/time';
import { dispatchTimer } from '../cloudfunctions/dispatch/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase, type EmbeddedDatabase } from '../host/db';
import { countingDatabase } from '../host/db/counting';
import { outboxMessenger, smsOutbox } from '../host/outbox';

const DUE = 1000;
const NOW = new Date('2026-06-15T10:00:00+08:00').getTime();
const TODAY = cstDate(NOW);
const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };
const day = (offset: number) => cst(TODAY).add(offset, 'day').format('YYYY-MM-DD');

/**
 * Where project `i` stands: 0 deposit paid, 1 started, 2 concealed works done, 3 mid payment, 4 near
 * its contract completion date, 5 just completed, 6-10 in warranty year 1-5.
 */
const POSITIONS = 11;
function milestonesOf(i: number): Partial<Record<Milestone, string>> {
  const position = i % POSITIONS;
  const m: Partial<Record<Milestone, string>> = { depositPaid: day(-200 - position * 30), contractSigned: day(-190 - position * 30) };
  if (position >= 1) m.started = day(position === 1 ? -5 : -150);
  if (position >= 2) m.concealedWorksDone = day(position === 2 ? -2 : -120);
  if (position >= 3) m.midPayment = day(position === 3 ? -1 : -90);
  if (position >= 4) m.plannedCompletion = day(position === 4 ? 12 : -30);
  if (position >= 5) {
    const completedDaysAgo = position === 5 ? 3 : (position - 5) * 365 - 40;
    m.completed = day(-completedDaysAgo);
    m.finalPayment = day(-completedDaysAgo);
    m.warrantyRegistered = day(-completedDaysAgo);
    m.feedbackFormReceived = day(-completedDaysAgo);
  }
  return m;
}

interface Seeded {
  db: EmbeddedDatabase;
  dir: string;
  followUps: number;
  seconds: number;
}

/** N projects with their homeowners, follow-ups and (for every other homeowner) a subscription credit. */
async function seed(n: number): Promise<Seeded> {
  const started = process.hrtime.bigint();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-scale-'));
  const db = openEmbeddedDatabase(path.join(dir, 'bench.sqlite'));
  await db.collection('settings').doc('followup').set({
    templates: { stageVisit: { id: 'tpl-stage', fields: FIELDS }, warrantyVisit: { id: 'tpl-warranty', fields: FIELDS }, serviceVisit: { id: 'tpl-service', fields: FIELDS } },
  });
  const dueEvery = Math.max(1, Math.floor(n / DUE));
  let followUps = 0;
  const BATCH = 2000;
  for (let from = 0; from < n; from += BATCH) {
    await db.runTransaction(async (tx) => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const homeownerId = `o${i}`;
        const project = {
          _id: `p${i}`, name: `小区 ${i % 500} 幢 ${i}`, address: '杭州', homeownerId, siteManagerId: `sm${i % 50}`,
          department: 'engineering' as const, staff: {}, milestones: milestonesOf(i), createdAt: NOW - i * 1000,
        };
        const { _id, ...rest } = project;
        await tx.collection('projects').doc(_id).set(rest);
        await tx.collection('users').doc(homeownerId).set({ name: `业主${i}`, phone: `138${String(i).padStart(8, '0')}`, roles: ['homeowner'] });
        const due = i % dueEvery === 0 && i / dueEvery < DUE;
        // every other homeowner (and every other of those due) accepted each template once
        if (due ? (i / dueEvery) % 2 === 0 : i % 2 === 0) {
          const granted = ['tpl-stage', 'tpl-warranty', 'tpl-service'].reduce((l, t) => grantCredit(l, homeownerId, t, NOW - 86_400_000), grantCredit(null, homeownerId, 'tpl-stage', NOW - 86_400_000));
          const { _id: id, ...ledger } = granted;
          await tx.collection('contacts').doc(id).set(ledger);
        }
        const plan = followUpPlan({ milestones: project.milestones, repairsResolved: [], complaintsProposed: [] }, DEFAULT_SCHEDULE, NOW);
        // the due one: the project's next follow-up, brought to today
        const dueAt = due ? Math.max(0, plan.findIndex((p) => p.dueDate > TODAY)) : -1;
        for (const [k, planned] of plan.entries()) {
          const f: Omit<FollowUp, '_id'> = newFollowUp(project, planned, NOW - 30 * 86_400_000);
          if (k === dueAt) {
            f.dueDate = TODAY;
            f.windowEnd = planned.windowEnd > day(3) ? planned.windowEnd : day(3);
            f.nextActionAt = windowOpensAt(f);
          } else if (planned.dueDate <= TODAY) {
            f.state = 'done';
            f.nextActionAt = null;
          }
          followUps++;
          await tx.collection('followups').doc(followUpId(project._id, planned.key)).set(f);
        }
      }
    });
  }
  return { db, dir, followUps, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export interface SchedulerResult {
  projects: number;
  followUps: number;
  setupSeconds: number;
  due: number;
  firstRun: { ms: number; reads: number; writes: number; transactions: number; sent: number; phoneTasks: number; waiting: number };
  runsToClear: number;
  clearMs: number;
  sentInAll: number;
}

export async function benchScheduler(n: number): Promise<SchedulerResult> {
  const { db, dir, followUps, seconds } = await seed(n);
  try {
    const due = (await db.collection('followups').where({ nextActionAt: db.command.lte(NOW) }).count()).total;
    const counting = countingDatabase(db);
    const clock = { now: () => NOW };
    const deps: Deps = { db: counting.db, clock, files: { stat: async () => null, saveExport: async (name: string) => `bench://${name}`, downloadUrl: async () => null, remove: async () => undefined }, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
    const dispatch = dispatchTimer(deps);
    let started = process.hrtime.bigint();
    const first = await dispatch();
    const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
    const firstRun = { ms: firstMs, ...counting.counts, sent: first.sent, phoneTasks: first.phoneTasks, waiting: first.waiting };
    let runs = 1;
    let sentInAll = first.sent;
    let more = first.more;
    started = process.hrtime.bigint();
    while (more && runs < 100) {
      const run = await dispatch();
      runs++;
      sentInAll += run.sent;
      more = run.more;
    }
    const clearMs = firstMs + Number(process.hrtime.bigint() - started) / 1e6;
    return { projects: n, followUps, setupSeconds: seconds, due, firstRun, runsToClear: runs, clearMs, sentInAll };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
  const results: SchedulerResult[] = [];
  for (const n of sizes) results.push(await benchScheduler(n));
  console.log(JSON.stringify(results));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
