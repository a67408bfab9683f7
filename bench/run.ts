/** `npm run bench`: every benchmark, one after another; each prints its own table of numbers. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

for (const script of ['db.ts', 'functions.ts', 'followups.ts', 'counts.ts']) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, script)], { stdio: 'inherit' });
}
