/**
 * The yardstick for the local host: a bare node:http server over better-sqlite3 (WAL, synchronous=FULL,
 * as the embedded database) answering the same requests with no framework, no validation and no
 * document layer: a homeowner's repairs (one indexed SELECT) and a new repair (one INSERT of the same
 * JSON document the host stores). Prints its port. Started by bench/load.ts in its own process.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { serveUntilStopped } from './serve';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huifang-bench-bare-'));
const db = new Database(path.join(dir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE repairs (id TEXT PRIMARY KEY, homeownerId TEXT NOT NULL, createdAt INTEGER NOT NULL, doc TEXT NOT NULL)');
db.exec('CREATE INDEX repairs_by_owner ON repairs (homeownerId, createdAt DESC)');
const insert = db.prepare<[string, string, number, string]>('INSERT INTO repairs (id, homeownerId, createdAt, doc) VALUES (?, ?, ?, ?)');
const mine = db.prepare<[string], { doc: string }>('SELECT doc FROM repairs WHERE homeownerId = ? ORDER BY createdAt DESC LIMIT 100');
let seq = 0;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { action: string; projectId?: string; category?: string; description?: string };
    const openid = String(req.headers['x-openid'] ?? '');
    let body: string;
    if (event.action === 'create') {
      const id = `r${++seq}`;
      const createdAt = Date.now();
      const doc = { _id: id, projectId: event.projectId, homeownerId: openid, category: event.category, description: event.description, status: 'submitted', photos: [], createdAt, history: [{ at: createdAt, event: 'created' }] };
      insert.run(id, openid, createdAt, JSON.stringify(doc));
      body = JSON.stringify({ ok: true, data: { ticket: doc } });
    } else {
      body = `{"ok":true,"data":{"tickets":[${mine.all(openid).map((r) => r.doc).join(',')}]}}`;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
});
serveUntilStopped(server, db, dir);
