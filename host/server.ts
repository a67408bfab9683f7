import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { formatCst } from '@shared/core/time';
import type { FunctionHandler } from '../cloudfunctions/_platform/define';
import type { Deps } from '../cloudfunctions/_platform/ports';
import type { MovableClock } from './clock';
import { PERSONAS } from './demo';
import type { LocalFileStorage } from './files';
import { BodyTooLarge, failJson, readBody, sendJson } from './http';
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
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024 + 1;

/** The local stand-in for WeChat and CloudBase: the H5 app, the functions, files, and dev tools. */
export function createHost(o: HostOptions): http.Server {
  const handlers = Object.fromEntries(Object.entries(o.functions).map(([n, make]) => [n, make(o.deps)]));
  const openidOf = (req: IncomingMessage) => {
    const h = req.headers['x-openid'];
    return o.local && typeof h === 'string' && h !== '' ? h : null;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    const fn = /^\/api\/functions\/([\w-]+)$/.exec(p);
    if (fn && req.method === 'POST') {
      const handler = handlers[fn[1]];
      if (!handler) return failJson(res, 404, 'FUNCTION.NOT_FOUND', `没有名为 ${fn[1]} 的云函数`);
      let event: unknown;
      try {
        const body = await readBody(req, MAX_EVENT_BYTES);
        event = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (e) {
        return e instanceof BodyTooLarge
          ? failJson(res, 413, 'REQUEST.TOO_LARGE', '提交的内容太大')
          : failJson(res, 400, 'REQUEST.BAD_JSON', '请求内容不是有效的 JSON');
      }
      return sendJson(res, 200, await handler(event, { openid: openidOf(req) }));
    }
    if (p === '/api/files' && req.method === 'POST') {
      if (!openidOf(req)) return failJson(res, 401, 'AUTH.NOT_SIGNED_IN', '请先登录后再上传图片');
      try {
        const saved = o.deps.files.save(await readBody(req, MAX_UPLOAD_BYTES));
        return saved.ok ? sendJson(res, 200, { ok: true, data: { fileId: saved.fileId } }) : sendJson(res, 200, saved);
      } catch (e) {
        if (e instanceof BodyTooLarge) return failJson(res, 413, 'FILE.TOO_LARGE', '图片超过 10MB，请压缩后重新上传');
        throw e;
      }
    }
    const file = /^\/api\/files\/(uploads\/[\w.]+)$/.exec(p);
    if (file && req.method === 'GET') {
      const disk = o.deps.files.pathOf(`local://${file[1]}`);
      if (!disk || !(await o.deps.files.stat(`local://${file[1]}`))) return failJson(res, 404, 'FILE.NOT_FOUND', '图片不存在');
      return serveFile(res, disk);
    }
    if (p.startsWith('/api/dev/')) {
      if (!o.local) return failJson(res, 403, 'DEV.REFUSED', '开发工具只在本地模式下可用');
      return devRoute(req, res, p);
    }
    if (p.startsWith('/api/')) return failJson(res, 404, 'NOT_FOUND', '没有这个接口');
    return serveStatic(res, o.staticDir, p);
  }

  async function devRoute(req: IncomingMessage, res: ServerResponse, p: string): Promise<void> {
    const clock = o.deps.clock;
    if (p === '/api/dev/personas' && req.method === 'GET') {
      const personas = PERSONAS.map(({ _id, name, roles, description }) => ({ openid: _id, name, roles, description }));
      return sendJson(res, 200, { ok: true, data: { personas } });
    }
    if (p === '/api/dev/clock') {
      if (req.method === 'POST') {
        const body = JSON.parse((await readBody(req, MAX_EVENT_BYTES)).toString('utf8') || '{}') as Record<string, unknown>;
        const minutes = Number(body.advanceMinutes ?? 0) + Number(body.advanceHours ?? 0) * 60 + Number(body.advanceDays ?? 0) * 1440;
        if (typeof body.set === 'number') clock.set(body.set);
        else if (Number.isFinite(minutes) && minutes > 0) clock.advance(minutes * 60_000);
        else return failJson(res, 400, 'DEV.BAD_CLOCK', '用 { advanceMinutes | advanceHours | advanceDays: 正数 } 或 { set: 毫秒时间戳 }');
      }
      return sendJson(res, 200, { ok: true, data: { now: clock.now(), cst: formatCst(clock.now(), 'YYYY-MM-DD HH:mm:ss') } });
    }
    const timer = /^\/api\/dev\/timers\/([\w-]+)$/.exec(p);
    if (timer && req.method === 'POST') {
      const make = o.timers[timer[1]];
      if (!make) return failJson(res, 404, 'DEV.NO_TIMER', `没有名为 ${timer[1]} 的定时函数`);
      return sendJson(res, 200, { ok: true, data: await make(o.deps)() });
    }
    if (p === '/api/dev/outbox' && req.method === 'GET') {
      const got = checked(await o.deps.db.collection('outbox').orderBy('sentAt', 'desc').limit(200).get());
      return sendJson(res, 200, { ok: true, data: { messages: got.data } });
    }
    return failJson(res, 404, 'NOT_FOUND', '没有这个开发接口');
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      o.deps.log.error('host request failed', { url: req.url, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) failJson(res, 500, 'SYSTEM.INTERNAL', '系统繁忙，请稍后再试');
      else res.end();
    });
  });
}
