import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../cloudfunctions/_platform/ports';

/**
 * The local host's clock: real time plus an offset a tester can move forward (never in production).
 * The offset is kept in the data folder so a restart keeps the moved time.
 */
export class MovableClock implements Clock {
  private offset = 0;
  private readonly file: string | null;

  constructor(dataDir: string | null) {
    this.file = dataDir ? path.join(dataDir, 'clock.json') : null;
    if (this.file && fs.existsSync(this.file)) {
      const saved = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { offset?: unknown };
      if (typeof saved.offset === 'number') this.offset = saved.offset;
    }
  }

  now(): number {
    return Date.now() + this.offset;
  }

  /** Moves the clock so that now() answers `at`; time then runs on from there. */
  set(at: number): void {
    this.offset = at - Date.now();
    if (this.file) fs.writeFileSync(this.file, JSON.stringify({ offset: this.offset }));
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }
}
