import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { failJson } from './http';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Serves a file below `root`, or index.html for paths that are not files (the H5 app's routes).
 * `urlPath` is the request's path already percent-decoded.
 */
export function serveStatic(res: ServerResponse, root: string, urlPath: string): void {
  const clean = path.normalize(urlPath).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(root, clean);
  if (!file.startsWith(root)) file = path.join(root, 'index.html');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    return failJson(res, 503, 'H5.NOT_BUILT', 'H5 页面还没有构建：请先运行 npm run build:h5（npm start 会自动构建）');
  }
  send(res, file, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
}

/** Serves a stored photo: nosniff, so a browser never takes its bytes for anything but the type named. */
export function serveFile(res: ServerResponse, file: string): void {
  send(res, file, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'private, max-age=86400',
    'x-content-type-options': 'nosniff',
  });
}

/** Streams a file; one that cannot be opened is a structured 404, one failing midway cuts the reply. */
function send(res: ServerResponse, file: string, headers: Record<string, string>): void {
  const source = fs.createReadStream(file);
  source.on('error', () => {
    if (!res.headersSent) failJson(res, 404, 'FILE.NOT_FOUND', '文件不存在或暂时无法读取，请刷新后重试');
  });
  source.once('open', () => {
    res.writeHead(200, headers);
    pipeline(source, res, () => undefined); // an error here has nobody to tell: pipeline closes both ends
  });
}
