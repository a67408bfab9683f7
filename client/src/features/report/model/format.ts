/** 0.6 → '60%'; null → '—'. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** A 0–5 average, one decimal; null → '—'. */
export function score(avg: number | null): string {
  return avg === null ? '—' : avg.toFixed(1);
}

/** '2026-11-23' → '11/23', for chart labels. */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}/${Number(d)}`;
}

/** What changed since last month, in words: '↑0.5', '↓0.3', '持平', or '' when either is missing. */
export function change(now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return '持平';
  return diff > 0 ? `↑${diff.toFixed(1)}` : `↓${Math.abs(diff).toFixed(1)}`;
}
