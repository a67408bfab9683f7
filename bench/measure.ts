/** One benchmark's table: each call timed over its runs, printed as total and mean milliseconds. */
export function timings() {
  const rows: { call: string; runs: number; totalMs: string; meanMs: string }[] = [];
  return {
    rows,
    async measure(call: string, runs: number, work: (i: number) => Promise<unknown>): Promise<void> {
      const start = process.hrtime.bigint();
      for (let i = 0; i < runs; i++) await work(i);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      rows.push({ call, runs, totalMs: ms.toFixed(1), meanMs: (ms / runs).toFixed(2) });
    },
  };
}
