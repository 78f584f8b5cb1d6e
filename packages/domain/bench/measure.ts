/** One benchmark line: time, throughput and peak memory sampled while the job ran. */
export type Measurement = { ms: number; peakRssMb: number; peakHeapMb: number };

const mb = (bytes: number): number => Math.round(bytes / 1048576);

/** Runs a job, sampling rss and heapUsed every 20 ms, and returns its result and measurement. */
export async function measure<T>(
  job: () => T | Promise<T>,
): Promise<{ result: T; m: Measurement }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = (): void => {
    const u = process.memoryUsage();
    peakRss = Math.max(peakRss, u.rss);
    peakHeap = Math.max(peakHeap, u.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  const result = await job();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  sample();
  clearInterval(timer);
  return { result, m: { ms, peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) } };
}

export type Row = {
  engine: string;
  n: string;
  m: Measurement;
  items: number;
  baseline: string;
  baselineMs: number | null;
  note?: string;
};

/** Prints the result table (markdown, so it can be pasted into docs/performance.md). */
export function printTable(rows: Row[]): void {
  const fmt = (ms: number): string =>
    ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
  const lines = [
    '| engine | n | time | throughput | peak rss / heap | baseline | baseline time | ratio | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const tput = `${Math.round(r.items / (r.m.ms / 1000)).toLocaleString('en-US')}/s`;
      const ratio = r.baselineMs === null ? '—' : `${(r.baselineMs / r.m.ms).toFixed(1)}×`;
      return `| ${r.engine} | ${r.n} | ${fmt(r.m.ms)} | ${tput} | ${r.m.peakRssMb} / ${r.m.peakHeapMb} MB | ${r.baseline} | ${r.baselineMs === null ? '—' : fmt(r.baselineMs)} | ${ratio} | ${r.note ?? ''} |`;
    }),
  ];
  console.log(lines.join('\n'));
}
