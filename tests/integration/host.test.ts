import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { openEmbeddedDatabase } from '../../host/db';
import { MovableClock } from '../../host/clock';
import { seedDemoData } from '../../host/demo';
import { LocalFileStorage } from '../../host/files';
import { FUNCTIONS } from '../../host/functions';
import { outboxMessenger } from '../../host/outbox';
import { createHost } from '../../host/server';
import { TIMERS } from '../../host/timers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function hostOn(local: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-host-'));
  const db = openEmbeddedDatabase(':memory:');
  const clock = new MovableClock(null);
  const files = new LocalFileStorage(path.join(dir, 'files'));
  const deps = { db, clock, files, messenger: outboxMessenger(db, clock), log: { info: () => undefined, error: () => undefined } };
  await seedDemoData(db, clock.now());
  const server: Server = createHost({ deps, functions: FUNCTIONS, timers: TIMERS, staticDir: path.join(dir, 'no-h5'), local });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
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
});
