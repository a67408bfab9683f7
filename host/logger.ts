import type { Logger } from '../cloudfunctions/_platform/ports';

/** One JSON line per entry on stderr, as CloudBase's function logs show them. */
export function jsonLogger(quiet = false): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (!quiet || level === 'error') process.stderr.write(`${JSON.stringify({ level, message, ...fields, at: new Date().toISOString() })}\n`);
  };
  return { info: (m, f) => write('info', m, f), error: (m, f) => write('error', m, f) };
}
