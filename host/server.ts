import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CommonErrors } from '@shared/core/errors';
import { MAX_PHOTO_BYTES } from '@shared/core/files';
import { formatCst } from '@shared/core/time';
import { nextContactTime } from '@shared/followup/contact';
import { loadFollowUpSettings } from '../cloudfunctions/_usecases/settings';
import { consoleSigner, withoutConsoleKey } from '../cloudfunctions/_platform/console';
import type { FunctionHandler } from '../cloudfunctions/_platform/define';
import type { Deps } from '../cloudfunctions/_platform/ports';
import { stores } from '../cloudfunctions/_platform/stores';
import type { MovableClock } from './clock';
import { PERSONAS } from './demo';
import type { LocalFileStorage } from './files';
import { BodyAborted, BodyTooLarge, failJson, readBody, refuseAndClose, sendJson } from './http';
import { serveFile, serveStatic } from './static';
import { checked } from '../cloudfunctions/_platform/database';

export interface HostOptions {
  deps: Deps & { clock: MovableClock; files: LocalFileStorage };
  functions: Record<string, (deps: Deps) => FunctionHandler>;
  timers: Record<string, (deps: Deps) => () => Promise<unknown>>;
  staticDir: string;
  /** local mode: identity from the x-openid header, and the /api/dev endpoints. Never in production. */
  local: boolean;
}

const MAX_EVENT_BYTES = 1024 * 1024;
/** The latest instant a JavaScript date can hold: the clock is never moved past it. */
const LATEST_INSTANT = 8.64e15;

/** The path of a request target, as sent and percent-decoded; null when either cannot be read. */
function pathOf(target: string | undefined): { raw: string; decoded: string } | null {
  try {
    const raw = new URL(target ?? '/', 'http://localhost').pathname;
    return { raw, decoded: decodeURIComponent(raw) };
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The local stand-in for WeChat and CloudBase: the H5 app, the functions, files, and dev tools. */
export function createHost(o: HostOptions): http.Server {
  const handlers = new Map(Object.entries(o.functions).map(([n, make]) => [n, make(o.deps)]));
  const timers = new Map(Object.entries(o.timers));
  const store = stores(o.deps.db);
  const openidOf = (req: IncomingMessage) => {
    const h = req.headers['x-openid'];
    return o.local && typeof h === 'string' && h !== '' ? h : null;
  };

  /**
   * The body parsed as JSON (an empty body as {}), or null once the refusal is answered: 413 for a
   * body over 1 MB, 400 `badJson` for one that is not JSON.
   */
  async function readJson(req: IncomingMessage, res: ServerResponse, badJson: string): Promise<{ value: unknown } | null> {
    let body: Buffer;
    try {
      body = await readBody(req, MAX_EVENT_BYTES);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      refuseAndClose(req, res, 413, 'REQUEST.TOO_LARGE', '提交的内容超过 1MB，请删减文字或分几次提交');
      return null;
    }
    try {
      return { value: body.length ? JSON.parse(body.toString('utf8')) : {} };
    } catch {
      failJson(res, 400, badJson, '请求内容不是有效的 JSON，请检查后重试');
      return null;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = pathOf(req.url);
    if (!target) return failJson(res, 400, 'REQUEST.INVALID', '网址格式有误，请检查链接或返回首页重新打开');
    const p = target.raw;
    const fn = /^\/api\/functions\/([\w-]+)$/.exec(p);
    if (fn && req.method === 'POST') {
      const handler = handlers.get(fn[1]);
      if (!handler) return failJson(res, 404, 'FUNCTION.NOT_FOUND', `没有名为 ${fn[1]} 的云函数`);
      const event = await readJson(req, res, 'REQUEST.BAD_JSON');
      if (!event) return;
      // as in CloudBase (cloud.ts): a call without a WeChat identity may be signed with an admin's console key
      const openid = openidOf(req);
      const signer = openid ? null : consoleSigner(event.value, process.env.ADMIN_CONSOLE_KEYS);
      return sendJson(res, 200, await handler(signer ? withoutConsoleKey(event.value) : event.value, signer ? { openid: null, console: signer } : { openid }));
    }
    if (p === '/api/files' && req.method === 'POST') return upload(req, res);
    const file = /^\/api\/files\/(uploads\/[\w.]+)$/.exec(p);
    if (file && req.method === 'GET') {
      const disk = o.deps.files.pathOf(`local://${file[1]}`);
      if (!disk || !(await o.deps.files.stat(`local://${file[1]}`))) return failJson(res, 404, 'FILE.NOT_FOUND', '图片不存在');
      return serveFile(res, disk);
    }
    const exported = /^\/api\/files\/(reports\/[\w-]+\.csv)$/.exec(p);
    if (exported && req.method === 'GET') {
      const disk = o.deps.files.exportPathOf(`local://${exported[1]}`);
      if (!disk) return failJson(res, 404, 'FILE.NOT_FOUND', '报表文件不存在');
      return serveFile(res, disk);
    }
    if (p.startsWith('/api/dev/')) {
      if (!o.local) return failJson(res, 403, 'DEV.REFUSED', '开发工具只在本地模式下可用');
      return devRoute(req, res, p);
    }
    if (p.startsWith('/api/')) return failJson(res, 404, 'NOT_FOUND', '没有这个接口');
    return serveStatic(res, o.staticDir, target.decoded);
  }

  /** Stores a photo for a registered user, the way the functions know callers: by openid in `users`. */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = openidOf(req);
    if (!openid) return sendJson(res, 401, CommonErrors.notSignedIn());
    if (!(await store.users.get(openid))) return sendJson(res, 403, CommonErrors.notRegistered());
    let bytes: Buffer;
    try {
      bytes = await readBody(req, MAX_PHOTO_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseAndClose(req, res, 413, 'FILE.TOO_LARGE', '图片超过 10MB，请压缩后重新上传');
      throw e;
    }
    const saved = o.deps.files.save(bytes);
    return saved.ok ? sendJson(res, 200, { ok: true, data: { fileId: saved.fileId } }) : sendJson(res, 200, saved);
  }

  /** A dev endpoint's body: a JSON object (an empty body as {}), or null once the refusal is answered. */
  async function devBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | null> {
    const body = await readJson(req, res, 'REQUEST.INVALID');
    if (!body) return null;
    if (isRecord(body.value)) return body.value;
    failJson(res, 400, 'REQUEST.INVALID', '请求内容应是一个 JSON 对象，例如 { "advanceHours": 4 }');
    return null;
  }

  async function devRoute(req: IncomingMessage, res: ServerResponse, p: string): Promise<void> {
    const clock = o.deps.clock;
    if (p === '/api/dev/personas' && req.method === 'GET') {
      const personas = PERSONAS.map(({ _id, name, roles, description }) => ({ openid: _id, name, roles, description }));
      return sendJson(res, 200, { ok: true, data: { personas } });
    }
    if (p === '/api/dev/clock') {
      if (req.method === 'POST') {
        const body = await devBody(req, res);
        if (!body) return;
        const minutes = Number(body.advanceMinutes ?? 0) + Number(body.advanceHours ?? 0) * 60 + Number(body.advanceDays ?? 0) * 1440;
        const set = typeof body.set === 'number' ? body.set : null;
        if (body.toContactWindow === true) {
          // the follow-up story works at any hour: on to the next company contact window (now, if inside one)
          const { contactWindows } = await loadFollowUpSettings(stores(o.deps.db));
          const next = nextContactTime(clock.now(), contactWindows);
          if (next === null) return failJson(res, 400, 'DEV.BAD_CLOCK', '没有设置联系时段，无法移到下一个时段');
          clock.set(next);
        } else if (set !== null && Number.isFinite(set) && set >= 0 && set <= LATEST_INSTANT) clock.set(set);
        else if (set === null && Number.isFinite(minutes) && minutes > 0 && clock.now() + minutes * 60_000 <= LATEST_INSTANT) {
          clock.advance(minutes * 60_000);
        } else return failJson(res, 400, 'DEV.BAD_CLOCK', '用 { advanceMinutes | advanceHours | advanceDays: 正数 }、{ set: 毫秒时间戳 } 或 { toContactWindow: true }');
      }
      return sendJson(res, 200, { ok: true, data: { now: clock.now(), cst: formatCst(clock.now(), 'YYYY-MM-DD HH:mm:ss') } });
    }
    const timer = /^\/api\/dev\/timers\/([\w-]+)$/.exec(p);
    if (timer && req.method === 'POST') {
      const make = timers.get(timer[1]);
      if (!make) return failJson(res, 404, 'DEV.NO_TIMER', `没有名为 ${timer[1]} 的定时函数`);
      if (!(await devBody(req, res))) return;
      return sendJson(res, 200, { ok: true, data: await make(o.deps)() });
    }
    if (p === '/api/dev/outbox' && req.method === 'GET') {
      const got = checked(await o.deps.db.collection('outbox').orderBy('sentAt', 'desc').limit(200).get());
      return sendJson(res, 200, { ok: true, data: { messages: got.data } });
    }
    if (p === '/api/dev/sms-outbox' && req.method === 'GET') {
      const got = checked(await o.deps.db.collection('smsOutbox').orderBy('sentAt', 'desc').limit(200).get());
      return sendJson(res, 200, { ok: true, data: { messages: got.data } });
    }
    return failJson(res, 404, 'NOT_FOUND', '没有这个开发接口');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof BodyAborted) return void res.destroy(); // the client left: nobody to answer
      o.deps.log.error('host request failed', { url: req.url, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) failJson(res, 500, 'SYSTEM.INTERNAL', '系统繁忙，请稍后再试');
      else res.end();
    });
  });
  // A request node cannot parse as HTTP never reaches `route`: answer it in the same JSON shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const busy = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) return void socket.destroy();
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'REQUEST.TOO_LARGE', '请求头太大，请清除本站的 Cookie 后重试']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'REQUEST.TIMEOUT', '请求超时，请检查网络后重试']
          : [400, 'Bad Request', 'REQUEST.INVALID', '请求格式有误，请刷新页面后重试'];
    const text = JSON.stringify({ ok: false, code, message });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
  });
  return server;
}
