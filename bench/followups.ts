/**
 * Follow-ups as the functions meet them, over the embedded database on a real file: recording
 * milestones (which re-plans a project's follow-ups), the dispatch timer working through a morning's
 * backlog, survey answers, and customer service's phone-task queue. Prints runs, total and mean time.
 *   npx tsx bench/followups.ts [projects=500]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatchTimer } from '../cloudfunctions/dispatch/handler';
import { followUpFunction } from '../cloudfunctions/followup/handler';
import { projectFunction } from '../cloudfunctions/project/handler';
import { surveyFunction } from '../cloudfunctions/survey/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { openEmbeddedDatabase } from '../host/db';
import { outboxMessenger, smsOutbox } from '../host/outbox';
import { timings } from './measure';

const N = Number(process.argv[2] ?? 500);
const { rows, measure } = timings();

const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-fu-'));
  const db = openEmbeddedDatabase(path.join(dir, 'bench.sqlite'));
  let now = new Date('2026-03-01T09:00:00+08:00').getTime();
  const clock = { now: () => now };
  const deps: Deps = { db, clock, files: { stat: async () => null, saveExport: async (name: string) => `bench://${name}`, downloadUrl: async () => null, remove: async () => undefined }, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
  const managers = 20;
  await db.collection('settings').doc('followup').set({
    templates: { stageVisit: { id: 'tpl-stage', fields: FIELDS }, warrantyVisit: { id: 'tpl-warranty', fields: FIELDS }, serviceVisit: { id: 'tpl-service', fields: FIELDS } },
  });
  for (let m = 0; m < managers; m++) await db.collection('users').doc(`sm${m}`).set({ name: `项目经理${m}`, phone: '13900000000', roles: ['siteManager'], department: 'engineering' });
  await db.collection('users').doc('cs').set({ name: '客服', phone: '13700000000', roles: ['customerService'], department: 'customerService' });
  for (let p = 0; p < N; p++) {
    await db.collection('users').doc(`o${p}`).set({ name: `业主${p}`, phone: `138${String(p).padStart(8, '0')}`, roles: ['homeowner'] });
    await db.collection('projects').doc(`p${p}`).set({
      name: `小区 ${p}`, address: '杭州', homeownerId: `o${p}`, siteManagerId: `sm${p % managers}`, department: 'engineering',
      staff: {}, milestones: { depositPaid: '2026-01-20', contractSigned: '2026-02-10' }, createdAt: p,
    });
  }
  const project = projectFunction(deps);
  const followup = followUpFunction(deps);
  const survey = surveyFunction(deps);
  try {
    await measure(`project.recordMilestone 'started' (re-plans the project; ${N} projects)`, N, (p) =>
      project({ action: 'recordMilestone', projectId: `p${p}`, milestone: 'started', date: '2026-03-01' }, { openid: `sm${p % managers}` }));
    await measure('project.recordMilestone a correction (moves the pending follow-up)', 100, (p) =>
      project({ action: 'recordMilestone', projectId: `p${p}`, milestone: 'started', date: '2026-02-28', reason: '补录：实际前一天进场' }, { openid: `sm${p % managers}` }));
    // half the homeowners accepted the template once; the other half will be phone tasks
    await measure('followup.subscribed', N / 2, (p) => followup({ action: 'subscribed', results: { 'tpl-stage': 'accept' } }, { openid: `o${p * 2}` }));
    await measure('project.detail (site manager)', 100, (p) => project({ action: 'detail', projectId: `p${p}` }, { openid: `sm${p % managers}` }));
    now = new Date('2026-03-11T10:00:00+08:00').getTime();
    const dispatch = dispatchTimer(deps);
    let runs = 0;
    let sent = 0;
    let phoneTasks = 0;
    let more = true;
    await measure(`dispatch: the early-stage follow-ups of ${N} projects, run until done`, 1, async () => {
      while (more) {
        const run = await dispatch();
        ({ more } = run);
        sent += run.sent;
        phoneTasks += run.phoneTasks;
        runs++;
      }
    });
    await measure('dispatch: one run with nothing due', 20, () => dispatch());
    await measure('followup.home (homeowner)', 200, (p) => followup({ action: 'home' }, { openid: `o${p % N}` }));
    await measure('survey.get', 200, (p) => survey({ action: 'get', followUpId: `p${p * 2}--earlyStage` }, { openid: `o${p * 2}` }));
    await measure('survey.submit (overall score 1: opens a complaint)', 100, (p) =>
      survey({ action: 'submit', followUpId: `p${p * 2}--earlyStage`, answers: answersFor() }, { openid: `o${p * 2}` }));
    await measure(`followup.calls (${phoneTasks} phone tasks, first 200)`, 50, () => followup({ action: 'calls' }, { openid: 'cs' }));
    const complaints = (await db.collection('complaints').count()).total;
    process.stdout.write(`follow-up benchmark: ${N} projects; dispatch sent ${sent} messages and made ${phoneTasks} phone tasks in ${runs} timer runs; survey answers opened ${complaints} complaints\n`);
    console.table(rows);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every required question of the shipped 'started' questionnaire answered, with a low overall score. */
let cached: Record<string, string | number> | null = null;
function answersFor(): Record<string, string | number> {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_SURVEYS } = require('../shared/survey/defaults') as typeof import('../shared/survey/defaults');
  const answers: Record<string, string | number> = {};
  for (const q of DEFAULT_SURVEYS.started.sections.flatMap((s) => s.questions)) {
    if (!q.required) continue;
    answers[q.id] = q.type === 'yesNo' ? (q.problemWhen === 'no' ? 'yes' : 'no') : q.type === 'rating' ? 'good' : q.type === 'score' ? 1 : q.type === 'count' ? 2 : '还行';
  }
  cached = answers;
  return answers;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
