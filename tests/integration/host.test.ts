import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { openEmbeddedDatabase } from '../../host/db';
import { MovableClock } from '../../host/clock';
import { seedDemoData } from '../../host/demo';
import { LocalFileStorage } from '../../host/files';
import { FUNCTIONS } from '../../host/functions';
import { outboxMessenger, smsOutbox } from '../../host/outbox';
import { createHost } from '../../host/server';
import { TIMERS } from '../../host/timers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function hostOn(local: boolean, timers = TIMERS) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-host-'));
  const db = openEmbeddedDatabase(':memory:');
  const clock = new MovableClock(null);
  const files = new LocalFileStorage(path.join(dir, 'files'));
  const deps = { db, clock, files, messenger: outboxMessenger(db, clock), sms: smsOutbox(db, clock), log: { info: () => undefined, error: () => undefined } };
  await seedDemoData(db, clock.now(), files);
  const uploads = () => fs.readdirSync(path.join(dir, 'files', 'uploads'));
  const seeded = new Set(uploads()); // the demo repair's resolution photo
  const server: Server = createHost({ deps, functions: FUNCTIONS, timers, staticDir: path.join(dir, 'no-h5'), local });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** the photos the host has stored since the demo data was loaded */
    stored: () => uploads().filter((f) => !seeded.has(f)),
    async close() {
      await new Promise((r) => server.close(r));
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON of a response, as the tests read it. */
const json = async (res: Response): Promise<any> => res.json();

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/**
 * Writes `head` and `body` on a plain socket and answers everything the host wrote back until it closed
 * the connection, as text. A reset after that is the host closing, not a failure of the test.
 */
function rawExchange(url: string, head: string, body: Buffer = Buffer.alloc(0)): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    const got: Buffer[] = [];
    socket.on('data', (c: Buffer) => got.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(got).toString('utf8')));
    socket.write(head);
    socket.write(body);
  });
}

/** The status line, lower-cased headers and JSON body of a raw HTTP reply. */
function parseRaw(text: string): { status: number; headers: Record<string, string>; body: any } {
  if (!text.startsWith('HTTP/1.1 ')) throw new Error(`no HTTP reply came before the connection closed: ${JSON.stringify(text.slice(0, 200))}`);
  const [head, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n\r\n')) };
}

const chinese = /[\u4e00-\u9fff]/;

describe('the local host', () => {
  it('calls a function with the caller from the x-openid header and answers its result as JSON', async () => {
    const h = await hostOn(true);
    try {
      const res = await post(`${h.url}/api/functions/me`, '{"action":"whoami"}', { 'x-openid': 'demo-homeowner-li' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, data: { user: { name: '李女士' } } });
      const refused = await post(`${h.url}/api/functions/repair`, '{"action":"create"}', { 'x-openid': 'demo-homeowner-li' });
      expect(refused.status).toBe(200);
      expect(await refused.json()).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
    } finally {
      await h.close();
    }
  });

  it('answers bad JSON, an unknown function and an unknown path with a structured error', async () => {
    const h = await hostOn(true);
    try {
      const bad = await post(`${h.url}/api/functions/me`, '{nope');
      expect([bad.status, await bad.json()]).toEqual([400, expect.objectContaining({ ok: false, code: 'REQUEST.BAD_JSON' })]);
      const none = await post(`${h.url}/api/functions/nothing`, '{}');
      expect([none.status, await none.json()]).toEqual([404, expect.objectContaining({ code: 'FUNCTION.NOT_FOUND' })]);
      expect((await fetch(`${h.url}/`)).status).toBe(503); // no H5 build in this test: it says how to make one
    } finally {
      await h.close();
    }
  });

  it('stores an uploaded image by its bytes and refuses what is not one', async () => {
    const h = await hostOn(true);
    try {
      const up: any = await (await post(`${h.url}/api/files`, PNG, { 'x-openid': 'demo-homeowner-li', 'content-type': 'image/png' })).json();
      expect(up).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^local:\/\/uploads\/[a-f0-9]{24}\.png$/) } });
      const back = await fetch(`${h.url}/api/files/${up.data.fileId.replace('local://', '')}`);
      expect(back.headers.get('content-type')).toBe('image/png');
      const text = await (await post(`${h.url}/api/files`, 'hello', { 'x-openid': 'demo-homeowner-li' })).json();
      expect(text).toMatchObject({ ok: false, code: 'FILE.BAD_TYPE' });
      expect((await post(`${h.url}/api/files`, PNG)).status).toBe(401);
    } finally {
      await h.close();
    }
  });

  it('moves its clock and runs a timer once, in local mode', async () => {
    const h = await hostOn(true);
    try {
      const before = (await json(await fetch(`${h.url}/api/dev/clock`))).data.now;
      const after = (await json(await post(`${h.url}/api/dev/clock`, '{"advanceHours":5}'))).data.now;
      expect(after - before).toBeGreaterThanOrEqual(5 * 3_600_000);
      expect(await (await post(`${h.url}/api/dev/timers/escalate`, '{}')).json()).toMatchObject({ ok: true, data: { more: false } });
      expect((await json(await fetch(`${h.url}/api/dev/personas`))).data.personas.length).toBeGreaterThan(5);
    } finally {
      await h.close();
    }
  });

  it('moves its clock to the next contact window, whatever the hour, so the follow-up story can be tried at any time', async () => {
    const h = await hostOn(true);
    try {
      for (const at of ['2026-03-11T02:00:00+08:00', '2026-03-11T12:30:00+08:00', '2026-03-11T20:00:00+08:00']) {
        await post(`${h.url}/api/dev/clock`, JSON.stringify({ set: new Date(at).getTime() }));
        const moved = await json(await post(`${h.url}/api/dev/clock`, '{"toContactWindow":true}'));
        expect([at, moved.data.cst]).toEqual([at, { '2026-03-11T02:00:00+08:00': '2026-03-11 10:00:00', '2026-03-11T12:30:00+08:00': '2026-03-11 15:00:00', '2026-03-11T20:00:00+08:00': '2026-03-12 10:00:00' }[at]]);
      }
      // inside a window it stays where it is
      const inside = new Date('2026-03-11T10:30:00+08:00').getTime();
      await post(`${h.url}/api/dev/clock`, JSON.stringify({ set: inside }));
      const stayed = (await json(await post(`${h.url}/api/dev/clock`, '{"toContactWindow":true}'))).data.now;
      expect(stayed - inside).toBeLessThan(5_000);
    } finally {
      await h.close();
    }
  });

  it('outside local mode refuses the dev tools and ignores a claimed x-openid', async () => {
    const h = await hostOn(false);
    try {
      expect((await fetch(`${h.url}/api/dev/personas`)).status).toBe(403);
      expect((await post(`${h.url}/api/dev/clock`, '{"advanceHours":5}')).status).toBe(403);
      const claimed = await post(`${h.url}/api/functions/me`, '{"action":"whoami"}', { 'x-openid': 'demo-admin' });
      expect(await claimed.json()).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    } finally {
      await h.close();
    }
  });

  it('answers a body over the limit with 413 and a message before it closes the connection', async () => {
    const h = await hostOn(true);
    try {
      const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
      const call = parseRaw(
        await rawExchange(
          h.url,
          `POST /api/functions/me HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`,
          big,
        ),
      );
      expect(call).toMatchObject({ status: 413, headers: { connection: 'close' }, body: { ok: false, code: 'REQUEST.TOO_LARGE' } });
      expect(call.body.message).toMatch(chinese);

      const photo = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
      const upload = parseRaw(
        await rawExchange(
          h.url,
          `POST /api/files HTTP/1.1\r\nHost: x\r\nx-openid: demo-homeowner-li\r\nContent-Type: image/png\r\nContent-Length: ${photo.length}\r\n\r\n`,
          photo,
        ),
      );
      expect(upload).toMatchObject({ status: 413, headers: { connection: 'close' }, body: { ok: false, code: 'FILE.TOO_LARGE' } });
      expect(upload.body.message).toMatch(/10MB/);
      expect(h.stored()).toEqual([]);

      const fetched = await post(`${h.url}/api/files`, photo, { 'x-openid': 'demo-homeowner-li', 'content-type': 'image/png' });
      expect([fetched.status, await fetched.json()]).toEqual([413, expect.objectContaining({ ok: false, code: 'FILE.TOO_LARGE' })]);
    } finally {
      await h.close();
    }
  });

  it('answers a path that is not valid percent-encoding with 400 REQUEST.INVALID, not a server error', async () => {
    const h = await hostOn(true);
    try {
      for (const p of ['/%E0%A4%A', '/repairs/%zz', '/api/files/uploads/%E0']) {
        const res = await fetch(`${h.url}${p}`);
        const body = await res.json();
        expect([p, res.status, body]).toEqual([p, 400, { ok: false, code: 'REQUEST.INVALID', message: expect.stringMatching(chinese) }]);
      }
    } finally {
      await h.close();
    }
  });

  it('stores an upload only from a registered user: no identity or an unknown openid is refused and nothing is kept', async () => {
    const h = await hostOn(true);
    try {
      const anonymous = await post(`${h.url}/api/files`, PNG, { 'content-type': 'image/png' });
      expect([anonymous.status, await anonymous.json()]).toEqual([401, expect.objectContaining({ ok: false, code: 'AUTH.NOT_SIGNED_IN' })]);
      const stranger = await post(`${h.url}/api/files`, PNG, { 'x-openid': 'someone-not-in-users', 'content-type': 'image/png' });
      const refused = await json(stranger);
      expect([stranger.status, refused]).toEqual([403, expect.objectContaining({ ok: false, code: 'AUTH.NOT_REGISTERED' })]);
      expect(refused.message).toMatch(chinese);
      expect(h.stored()).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('serves a stored photo with X-Content-Type-Options: nosniff', async () => {
    const h = await hostOn(true);
    try {
      const up = await json(await post(`${h.url}/api/files`, PNG, { 'x-openid': 'demo-homeowner-li', 'content-type': 'image/png' }));
      const back = await fetch(`${h.url}/api/files/${up.data.fileId.replace('local://', '')}`);
      expect(back.status).toBe(200);
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await h.close();
    }
  });

  it('refuses a dev clock or timer call whose body is not a JSON object with 400 REQUEST.INVALID and changes nothing', async () => {
    let runs = 0;
    const h = await hostOn(true, { ...TIMERS, probe: () => async () => ({ run: ++runs }) });
    try {
      const before = (await json(await fetch(`${h.url}/api/dev/clock`))).data.now;
      for (const body of ['{"advanceHours": 5', 'advanceHours=5', 'null', '[5]']) {
        const clock = await post(`${h.url}/api/dev/clock`, body);
        expect([body, clock.status, await clock.json()]).toEqual([body, 400, expect.objectContaining({ ok: false, code: 'REQUEST.INVALID' })]);
        const timer = await post(`${h.url}/api/dev/timers/probe`, body);
        expect([body, timer.status, await timer.json()]).toEqual([body, 400, expect.objectContaining({ ok: false, code: 'REQUEST.INVALID' })]);
      }
      const after = (await json(await fetch(`${h.url}/api/dev/clock`))).data.now;
      expect(after - before).toBeLessThan(60_000);
      expect(runs).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('answers a name inherited from Object.prototype as an unknown function or timer', async () => {
    const h = await hostOn(true);
    try {
      for (const name of ['constructor', 'toString', '__proto__']) {
        const fn = await post(`${h.url}/api/functions/${name}`, '{"action":"whoami"}', { 'x-openid': 'demo-homeowner-li' });
        expect([name, fn.status, await fn.json()]).toEqual([name, 404, expect.objectContaining({ ok: false, code: 'FUNCTION.NOT_FOUND' })]);
        const timer = await post(`${h.url}/api/dev/timers/${name}`, '{}');
        expect([name, timer.status, await timer.json()]).toEqual([name, 404, expect.objectContaining({ ok: false, code: 'DEV.NO_TIMER' })]);
      }
    } finally {
      await h.close();
    }
  });

  it('answers a request it cannot parse as HTTP with a JSON 400', async () => {
    const h = await hostOn(true);
    try {
      const reply = parseRaw(await rawExchange(h.url, 'NOT HTTP AT ALL\r\n\r\n'));
      expect(reply).toMatchObject({ status: 400, body: { ok: false, code: 'REQUEST.INVALID' } });
      expect(reply.body.message).toMatch(chinese);
    } finally {
      await h.close();
    }
  });
});
