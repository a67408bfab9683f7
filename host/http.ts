import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {}
/** The client went away before its body was complete: there is nobody left to answer. */
export class BodyAborted extends Error {}

/**
 * After refusing a body, how long the host goes on reading and dropping the rest before it closes
 * the connection, so that a client still sending does not get a reset instead of the reply.
 */
const LINGER_MS = 5_000;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * Reads a request body, refusing more than `limit` bytes (as its Content-Length says, or as they
 * arrive) with BodyTooLarge. A refused body is not kept: the rest is read and dropped, so the refusal
 * can still be answered, with `refuseAndClose`.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge();
      else chunks.push(c);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    const tooLarge = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      req.resume();
      reject(new BodyTooLarge());
    };
    if (Number(req.headers['content-length']) > limit) return tooLarge();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', () => reject(new BodyAborted()));
    req.on('close', () => reject(new BodyAborted()));
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, JSON_HEADERS);
  res.end(text);
}

export function failJson(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, code, message });
}

/**
 * Answers a request whose body the host will not take, then closes the connection. The whole reply
 * (with `Connection: close`) is written at once; the connection is ended only once the client has
 * stopped sending (or after LINGER_MS), the rest of its body read and dropped meanwhile.
 */
export function refuseAndClose(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ ok: false, code, message });
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.write(text);
  req.resume();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    res.end(); // the reply says Connection: close, so node closes the socket once this is flushed
  };
  const timer = setTimeout(end, LINGER_MS);
  timer.unref();
  if (req.complete || req.destroyed) end();
  else {
    req.once('end', end);
    req.once('close', end);
  }
}
