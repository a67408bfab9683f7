/**
 * docs/api.md is the contract people (and the console's test panel) call the functions by. These tests
 * hold it to the code: every action a function accepts is documented, every documented action exists,
 * every example event passes the action's schema, and every example block is valid JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AdminInputs } from '@shared/admin/api';
import { RecordAccessInputs } from '@shared/admin/recordAccess';
import { CampaignInputs } from '@shared/campaign/api';
import { ComplaintInputs } from '@shared/complaint/api';
import { validate } from '@shared/core/validation';
import { EnquiryInputs } from '@shared/enquiry/api';
import { FollowUpInputs } from '@shared/followup/api';
import { DispatchInputs } from '@shared/followup/probe';
import { MeInputs } from '@shared/me/api';
import { NoticeInputs } from '@shared/notify/api';
import { PrivacyInputs } from '@shared/privacy/api';
import { ProjectInputs } from '@shared/project/api';
import { ProspectInputs } from '@shared/prospect/api';
import { RepairInputs } from '@shared/repair/api';
import { ReportInputs } from '@shared/report/api';
import { SurveyInputs } from '@shared/survey/api';
import { FUNCTIONS } from '../../host/functions';
import { PEOPLE, world } from './harness';

const INPUTS: Record<string, Record<string, unknown>> = {
  admin: { ...AdminInputs, ...RecordAccessInputs },
  campaign: CampaignInputs,
  complaint: ComplaintInputs,
  dispatch: DispatchInputs,
  enquiry: EnquiryInputs,
  followup: FollowUpInputs,
  me: MeInputs,
  notices: NoticeInputs,
  privacy: PrivacyInputs,
  project: ProjectInputs,
  prospect: ProspectInputs,
  repair: RepairInputs,
  report: ReportInputs,
  survey: SurveyInputs,
};

interface Block {
  fn: string;
  line: number;
  text: string;
}

/** The ```json blocks of docs/api.md, each with the `## <function>` section it is in. */
function jsonBlocks(): Block[] {
  const lines = fs.readFileSync(path.join(__dirname, '../../docs/api.md'), 'utf8').split('\n');
  const blocks: Block[] = [];
  let fn = '';
  for (let i = 0; i < lines.length; i++) {
    const section = /^## (\w+)/.exec(lines[i]);
    if (section) fn = section[1];
    if (lines[i].trim() !== '```json') continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    blocks.push({ fn, line: start + 1, text: body.join('\n') });
  }
  return blocks;
}

/**
 * `…` marks what an example leaves out: `, …` and `…,` in a list or an object, `[ … ]`, `{ … }`. Inside a
 * string it is part of the string (an id shortened to `9c0e…`).
 */
function withoutElisions(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === '…') continue;
    out += c;
  }
  // what the removed marks leave behind: `, ,`, `[ , x`, `x, ]`, `{ , }`
  return out
    .replace(/,(\s*,)+/g, ',')
    .replace(/([[{])\s*,/g, '$1')
    .replace(/,(\s*[\]}])/g, '$1');
}

/** A block may hold several values in a row (`{ "ok": true … }` then `{ "ok": false … }`). */
function parseAll(raw: string): unknown[] {
  const text = withoutElisions(raw);
  try {
    return [JSON.parse(text)];
  } catch {
    const values: unknown[] = [];
    let depth = 0;
    let start = -1;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{') {
        if (depth === 0) start = i;
        depth++;
      } else if (c === '}') {
        depth--;
        if (depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
      }
    }
    if (values.length === 0) throw new Error('no JSON value');
    return values;
  }
}

const blocks = jsonBlocks();
function parsed(text: string): unknown[] {
  try {
    return parseAll(text);
  } catch {
    return []; // reported by the first test
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every example event (a value with an `action`), with the answer documented after it in its section. */
const values = blocks.flatMap((b) => parsed(b.text).filter(isObject).map((value) => ({ ...b, value })));
const events = values.flatMap((v, i) => {
  if (typeof v.value.action !== 'string') return [];
  const next = values[i + 1];
  const answer = next && next.fn === v.fn && 'ok' in next.value ? next.value : undefined;
  return [{ fn: v.fn, line: v.line, event: v.value, answer }];
});

describe('docs/api.md', () => {
  it('every example block is valid JSON', () => {
    const broken = blocks.filter((b) => {
      try {
        parseAll(b.text);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((b) => `docs/api.md:${b.line}`)).toEqual([]);
  });

  it('every action a function accepts has at least one example event in its section', () => {
    const missing: string[] = [];
    for (const [fn, inputs] of Object.entries(INPUTS)) {
      for (const action of Object.keys(inputs)) {
        if (!events.some((e) => e.fn === fn && e.event.action === action)) missing.push(`${fn}.${action}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every example event names an action that exists and passes its schema; a documented refusal is refused as documented', async () => {
    const wrong: string[] = [];
    const w = await world();
    for (const { fn, line, event, answer } of events) {
      const inputs = INPUTS[fn];
      const { action, ...input } = event;
      const schema = inputs?.[action as string];
      if (!schema) {
        wrong.push(`docs/api.md:${line} ${fn}.${String(action)}: no such action`);
        continue;
      }
      const checked = validate(schema as Parameters<typeof validate>[0], input);
      const where = `docs/api.md:${line} ${fn}.${String(action)}`;
      if (answer?.ok === false && answer.code === 'REQUEST.INVALID') {
        // an example of a refusal: the schema refuses it, naming the same fields with the same messages
        // (a refusal the action makes itself, past the schema, is checked by calling it as an admin)
        const refused = checked.ok ? await w.call(FUNCTIONS[fn], PEOPLE.admin._id, event) : checked;
        const documented = (answer.fields ?? {}) as Record<string, string>;
        const actual = refused.ok ? {} : ((refused as { fields?: Record<string, string> }).fields ?? {});
        for (const [field, message] of Object.entries(documented)) {
          if (!(field in actual)) wrong.push(`${where}: documented as refused for ${field}, but ${refused.ok ? 'accepted' : JSON.stringify(refused)}`);
          else if (message !== actual[field]) wrong.push(`${where}: ${field} is refused with “${actual[field]}”, documented “${message}”`);
        }
      } else if (!checked.ok) {
        wrong.push(`${where}: ${JSON.stringify(checked)}`);
      }
    }
    w.db.close();
    expect(wrong).toEqual([]);
  });

  it('every function the host serves is documented with its schemas, and none answers an action the docs lack', async () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(INPUTS).sort());
    const w = await world();
    try {
      for (const [fn, inputs] of Object.entries(INPUTS)) {
        const handler = FUNCTIONS[fn];
        for (const action of Object.keys(inputs)) {
          const reply = await w.call(handler, PEOPLE.admin._id, { action });
          expect({ fn, action, code: reply.ok ? 'ok' : reply.code }).not.toEqual({ fn, action, code: 'REQUEST.UNKNOWN_ACTION' });
        }
        const unknown = await w.call(handler, PEOPLE.admin._id, { action: 'noSuchAction' });
        expect(unknown.code).toBe('REQUEST.UNKNOWN_ACTION');
      }
    } finally {
      w.db.close();
    }
  });
});
