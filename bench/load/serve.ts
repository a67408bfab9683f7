/**
 * How each bench server process runs (bench/load.ts starts them): listen on a free local port, print it
 * for the parent to read, keep connections alive for the load generator, and on SIGTERM or SIGINT close
 * the server and the database and remove the process's data folder.
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export function serveUntilStopped(server: http.Server, db: { close(): void }, dir: string): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
  const stop = () => {
    server.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
