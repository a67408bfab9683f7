import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startHost, type RunningHost } from './host';

const H5_INDEX = path.resolve(__dirname, '../client/dist/h5/index.html');

/** What a browser test file drives: the local host with its demo data, and Chromium. */
export interface RunningApp {
  host: RunningHost;
  browser: Browser;
  stop(): Promise<void>;
}

/** Starts the host and Chromium for one test file; the H5 build must exist (npm run build:h5). */
export async function startApp(): Promise<RunningApp> {
  if (!fs.existsSync(H5_INDEX)) throw new Error(`The H5 build is missing (${path.relative(process.cwd(), H5_INDEX)}): run npm run build:h5 first.`);
  const host = await startHost();
  const { browser, close } = await launchBrowser();
  return {
    host,
    browser,
    async stop() {
      await close();
      await host.stop();
    },
  };
}

/**
 * Starts the host and Chromium before the file's tests and stops them after; `use` receives them
 * once they run (hooks the file registers after this one see them started).
 */
export function useApp(use: (app: RunningApp) => void): void {
  let app: RunningApp | undefined;
  beforeAll(async () => {
    app = await startApp();
    use(app);
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
  });
}
