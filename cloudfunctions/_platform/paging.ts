import type { Documents } from './collection';
import type { Command, DocData } from './database';
import { MAX_PAGE } from './database';

/** A read that would run past the time budget of its run: what it read so far is dropped, and the next run starts over. */
export class BudgetSpent extends Error {
  constructor() {
    super('the run spent its time budget before it finished reading');
    this.name = 'BudgetSpent';
  }
}

/**
 * Every document matching `where`, read page by page in `_id` order (each page starts after the last
 * id of the one before, so a page never skips or repeats a document), checking the time budget before
 * each page. For a report, which must see all of a period's documents.
 */
export async function findAll<T extends { _id: string }>(
  docs: Documents<T>,
  command: { gt(v: unknown): Command },
  where: DocData,
  inTime: () => boolean,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    if (!inTime()) throw new BudgetSpent();
    const page: T[] = await docs.find(after === null ? (Object.keys(where).length ? where : null) : { ...where, _id: command.gt(after) }, { orderBy: [['_id', 'asc']], limit: MAX_PAGE });
    all.push(...page);
    if (page.length < MAX_PAGE) return all;
    after = page[page.length - 1]._id;
  }
}
