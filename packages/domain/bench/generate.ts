/**
 * Deterministic national-scale inputs for the benchmark. A small PRNG (mulberry32) is enough here:
 * the data only needs to be reproducible, not drawn fairly, and SM3 would make generation the bottleneck.
 */
export function createBenchRandom(seed: number): { next(): number; int(n: number): number } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** Columnar candidates: position, written / composite / professional scores in hundredths. */
export type CandidateColumns = {
  n: number;
  position: Int32Array;
  written: Int32Array;
  composite: Int32Array;
  professional: Int32Array;
};

/** Positions: headcount 1–5, ratio 3, a cut-off line per position. */
export type PositionColumns = {
  count: number;
  headcount: Int32Array;
  quota: Int32Array;
  cutoff: Int32Array;
};

// Written totals cluster around 120 of 200 with a spread, rounded to 0.5 as real papers are.
function writtenScore(r: ReturnType<typeof createBenchRandom>): number {
  const s = (r.next() + r.next() + r.next()) / 3;
  return Math.round(s * 400) * 50;
}

/** 3.7 million candidates over 20 000 positions, with skew: a few positions attract many applicants. */
export function generateCandidates(
  n: number,
  positions: number,
  seed = 20250101,
): CandidateColumns {
  const r = createBenchRandom(seed);
  const position = new Int32Array(n);
  const written = new Int32Array(n);
  const composite = new Int32Array(n);
  const professional = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    position[i] = Math.floor(r.next() ** 2 * positions);
    written[i] = writtenScore(r);
    professional[i] = 5000 + r.int(5001);
    composite[i] = 4000 + r.int(6001);
  }
  return { n, position, written, composite, professional };
}

export function generatePositions(count: number, seed = 7): PositionColumns {
  const r = createBenchRandom(seed);
  const headcount = new Int32Array(count);
  const quota = new Int32Array(count);
  const cutoff = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    headcount[p] = 1 + r.int(5);
    quota[p] = headcount[p]! * 3;
    // One position in ten asks for a high line (niche posts), which is where shortfalls come from.
    cutoff[p] = r.int(10) === 0 ? 15000 + r.int(3) * 500 : 10000 + r.int(3) * 500;
  }
  return { count, headcount, quota, cutoff };
}
