/**
 * How a timer works through what is due: pages read from the front of an indexed range (an item
 * handled leaves the range, because its due time moves on), items handled one by one while the run's
 * time budget lasts. What a run does not reach waits for the next run, which finds it at the front.
 */

export interface RunLimits {
  /** items per page (one query) */
  pageSize: number;
  /** pages per run at most */
  maxPages: number;
  /** wall-clock milliseconds after which no further item is started */
  budgetMs: number;
  /** milliseconds since the run started; real time, not the business clock */
  elapsed: () => number;
}

/** Wall-clock time since now: a run's budget is measured in real time, whatever the business clock says. */
export function stopwatch(): () => number {
  const started = Date.now();
  return () => Date.now() - started;
}

export interface SweepOutcome {
  /** items whose handling changed something */
  changed: number;
  /** true when there was more to do than this run did */
  more: boolean;
}

/**
 * Reads up to `maxPages` pages with `readPage`; for each page `prepare` loads what the page's decisions
 * need (batched reads) and gives back the handler of one item, which says whether it changed anything.
 * The time budget is checked before each item. Stops early when a page comes back
 * short (nothing more is due), when a whole page changed nothing (what is left waits on something
 * else; reading it again would find the same items), or when the budget runs out mid-page.
 */
export async function sweep<T>(
  limits: RunLimits,
  readPage: (size: number) => Promise<T[]>,
  prepare: (page: T[]) => Promise<(item: T) => Promise<boolean>>,
): Promise<SweepOutcome> {
  let changed = 0;
  for (let page = 0; page < limits.maxPages; page++) {
    if (limits.elapsed() >= limits.budgetMs) return { changed, more: true };
    const due = await readPage(limits.pageSize);
    const handle = await prepare(due);
    let changedHere = 0;
    for (const item of due) {
      if (limits.elapsed() >= limits.budgetMs) return { changed: changed + changedHere, more: true };
      if (await handle(item)) changedHere++;
    }
    changed += changedHere;
    if (due.length < limits.pageSize) return { changed, more: false };
    if (changedHere === 0) return { changed, more: true };
  }
  return { changed, more: true };
}

/**
 * The due items of one page, read so that a document that does not match its schema is logged (with
 * its collection, id and the fields that are wrong) and left out, instead of stopping every run at it.
 */
export async function dueItems<T>(
  read: Promise<{ docs: T[]; invalid: { collection: string; id: string; problems: string[] }[] }>,
  log: { error(message: string, fields?: Record<string, unknown>): void },
): Promise<T[]> {
  const { docs, invalid } = await read;
  for (const bad of invalid) log.error('stored document skipped: it does not match its schema', { collection: bad.collection, id: bad.id, problems: bad.problems });
  return docs;
}
