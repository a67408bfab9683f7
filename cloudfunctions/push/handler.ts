import type { Deps } from '../_platform/ports';
import { stores } from '../_platform/stores';
import { dueItems, stopwatch, sweep, type RunLimits } from '../_platform/sweep';
import { pushNotice } from '../_usecases/push';
import { loadNotifySettings } from '../_usecases/settings';

/**
 * Work per run is bounded so a run ends well inside the function timeout (20 s in config.json): at
 * most MAX_PAGES pages of PAGE notices, and no notice started after BUDGET_MS.
 */
export const PAGE = 50;
export const MAX_PAGES = 4;
export const BUDGET_MS = 12_000;

export interface PushRun {
  /** subscription messages WeChat took */
  sent: number;
  /** notices left only in the 消息 list (no template, no credit, refused, unknown outcome) */
  inAppOnly: number;
  /** true when there was more to do than one run may do */
  more: boolean;
}

/**
 * The push timer: notices whose push is due (`pushAt <= now`: made at night and held for 08:00, made
 * by a function that did not push at once, or a send whose answer never came), oldest first, in pages.
 * Each is pushed at most once (`pushNotice`): the claim on the recipient's contact ledger keyed by the
 * notice's id stops a second run, a concurrent run or a run after a crash from sending it again.
 */
export function pushTimer(deps: Deps, limits: Partial<RunLimits> = {}): () => Promise<PushRun> {
  return async () => {
    const run: RunLimits = { pageSize: PAGE, maxPages: MAX_PAGES, budgetMs: BUDGET_MS, elapsed: stopwatch(), ...limits };
    const now = deps.clock.now();
    const store = stores(deps.db);
    const settings = await loadNotifySettings(store);
    const tally = { sent: 0, inAppOnly: 0 };
    const outcome = await sweep(
      run,
      (size) => dueItems(store.notices.scan({ pushAt: store.command.lte(now) }, { orderBy: [['pushAt', 'asc']], limit: size }), deps.log),
      async () => async (notice) => {
        const result = await pushNotice(deps, store, notice, settings, now);
        if (result === 'sent') tally.sent++;
        if (result === 'inAppOnly') tally.inAppOnly++;
        return result !== 'unchanged';
      },
    );
    const result = { ...tally, more: outcome.more };
    if (result.sent || result.inAppOnly) deps.log.info('pushed notices', { ...result });
    return result;
  };
}
