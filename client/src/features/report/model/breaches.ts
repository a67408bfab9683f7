import type { MonthlyFigures } from '@shared/report/report';

export interface ManagerBreaches {
  siteManagerId: string;
  name: string;
  /** missed deadlines in the period, all categories together */
  breaches: number;
  /** tickets that missed one or more (a ticket has one category, so the categories' counts add up) */
  tickets: number;
}

/** Missed repair deadlines per site manager, all categories together, most first. */
export function breachesPerManager(rows: MonthlyFigures['repairBreaches']): ManagerBreaches[] {
  const byManager = new Map<string, ManagerBreaches>();
  for (const r of rows) {
    const m = byManager.get(r.siteManagerId) ?? { siteManagerId: r.siteManagerId, name: r.name, breaches: 0, tickets: 0 };
    m.breaches += r.breaches;
    m.tickets += r.tickets;
    byManager.set(r.siteManagerId, m);
  }
  return [...byManager.values()].sort((a, b) => b.breaches - a.breaches || a.name.localeCompare(b.name));
}
