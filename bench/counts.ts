/**
 * Counts that say whether the functions fit CloudBase, where every database operation is a network
 * round trip: the database reads, writes and transactions of one dispatch run over a morning's
 * backlog (through a counting wrapper of the database port), per page and per follow-up; and the casts
 * of stored documents left in cloudfunctions/ (every document read is checked by its schema instead).
 *   npx tsx bench/counts.ts [due=200]
 */
import fs from 'node:fs';
import path from 'node:path';
import { grantCredit } from '@shared/followup/credits';
import { followUpId, newFollowUp } from '@shared/followup/followup';
import { newRepairTicket } from '@shared/repair/create';
import { DEFAULT_REPAIR_RULES } from '@shared/repair/categories';
import { dispatchTimer, PAGE } from '../cloudfunctions/dispatch/handler';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { stores } from '../cloudfunctions/_platform/stores';
import { openEmbeddedDatabase } from '../host/db';
import { countingDatabase } from '../host/db/counting';
import { outboxMessenger, smsOutbox } from '../host/outbox';

const DUE = Number(process.argv[2] ?? 200);
const at = (iso: string) => new Date(iso).getTime();
const FIELDS = { thing1: 'title', thing2: 'project', date3: 'dueDate', thing4: 'hint' };

/** Casts in cloudfunctions/: `as unknown as`, and any cast to a stored document's type. */
function casts(): { unknownAs: number; storedDocument: number } {
  const stored = /\bas (unknown as )?(User|Project|RepairTicket|Complaint|FollowUp|SurveyAnswerRecord|Survey|ContactLedger|AuditEntry)\b/;
  let unknownAs = 0;
  let storedDocument = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
          if (line.includes('as unknown as')) unknownAs++;
          if (stored.test(line)) storedDocument++;
        }
      }
    }
  };
  walk(path.join(__dirname, '..', 'cloudfunctions'));
  return { unknownAs, storedDocument };
}

async function main(): Promise<void> {
  const db = openEmbeddedDatabase(':memory:');
  const store = stores(db);
  const now = at('2026-03-11T10:00:00+08:00');
  await db.collection('settings').doc('followup').set({
    templates: { stageVisit: { id: 'tpl-stage', fields: FIELDS }, warrantyVisit: { id: 'tpl-warranty', fields: FIELDS }, serviceVisit: { id: 'tpl-service', fields: FIELDS } },
  });
  // DUE homeowners with one follow-up due each: half accepted the template (a message each), a quarter
  // have an open repair (held), the rest no credit (a phone task each)
  for (let i = 0; i < DUE; i++) {
    const homeownerId = `o${i}`;
    const project = { _id: `p${i}`, name: `小区 ${i}`, address: '杭州', homeownerId, siteManagerId: 'sm', department: 'engineering' as const, staff: {}, milestones: { started: '2026-03-01' }, createdAt: 0 };
    await store.users.put({ _id: homeownerId, name: `业主${i}`, phone: `138${String(i).padStart(8, '0')}`, roles: ['homeowner'] });
    await store.projects.put(project);
    if (i % 2 === 0) await store.contacts.put(grantCredit(null, homeownerId, 'tpl-stage', at('2026-03-01T10:00:00+08:00')));
    if (i % 4 === 1) {
      const ticket = newRepairTicket({ category: 'plumbing', description: '卫生间漏水', photos: [], preferredVisit: { date: '2026-03-10', slot: 'morning' } }, project, at('2026-03-09T10:00:00+08:00'), DEFAULT_REPAIR_RULES);
      await db.collection('repairs').doc(`r${i}`).set(ticket);
    }
    const planned = { key: 'earlyStage', kind: 'earlyStage' as const, dueDate: '2026-03-11', windowEnd: '2026-03-16' };
    await store.followups.put({ _id: followUpId(project._id, planned.key), ...newFollowUp(project, planned, at('2026-03-01T10:00:00+08:00')) });
  }
  const counting = countingDatabase(db);
  const clock = { now: () => now };
  const deps: Deps = { db: counting.db, clock, files: { stat: async () => null, saveExport: async (name: string) => `bench://${name}`, downloadUrl: async () => null, remove: async () => undefined }, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
  const started = process.hrtime.bigint();
  const run = await dispatchTimer(deps, { maxPages: Math.ceil(DUE / PAGE) + 1 })();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const pages = Math.floor(DUE / PAGE) + 1;
  const looked = run.sent + run.phoneTasks + run.waiting;
  const { reads, writes, transactions } = counting.counts;
  const c = casts();
  const rows: [string, string][] = [
    ['follow-ups looked at in one run', `${looked} (${run.sent} sent, ${run.phoneTasks} phone tasks, ${run.waiting} held)`],
    ['pages read', `${pages} of up to ${PAGE}`],
    ['database reads', `${reads} (${((reads - 1) / pages).toFixed(1)} per page besides the settings; target ≤ 8)`],
    ['database writes', `${writes} (${(writes / looked).toFixed(2)} per follow-up: ${((writes - (looked - run.sent)) / Math.max(run.sent, 1)).toFixed(2)} per message sent, 1 per other decision; target ≤ 2)`],
    ['transactions', String(transactions)],
    ['messages sent', String(run.sent)],
    ['run time (embedded database, in memory)', `${ms.toFixed(0)} ms`],
    ["casts 'as unknown as' in cloudfunctions/", `${c.unknownAs} (the SDK's database typed as ours, in _platform/cloud.ts)`],
    ['casts to a stored document type in cloudfunctions/', String(c.storedDocument)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\nround trips and casts (${DUE} follow-ups due at once)\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  db.close();
}

void main();
