// Background-job queue on PostgreSQL (NFR-PERF-1, NFR-REL-1): enqueue cost beside plain inserts of the same
// row, jobs completed per second, and the delay from enqueue to start with and without wake-ups.
// Run: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//   npx tsx apps/server/bench/job-queue.bench.ts [jobs=2000]   (or npm run bench:jobs)
// Writes into a throw-away database that is dropped at the end. Never on PGlite: one in-process
// connection says nothing about a server.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openDatabase, type Db } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { createJobRunner, type JobRunnerDeps } from '../src/platform/jobs/job-runner';
import { job } from '../src/platform/jobs/job.table';
import { createTestDatabase } from '../src/test-support/test-database';

process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL)
  throw new Error('设置 TEST_DATABASE_URL 或 DATABASE_URL（PostgreSQL）后再运行');

const JOBS = Number(process.argv[2] ?? 2000);
const WRITERS = 8;
const DEFAULT_CONCURRENCY = 4;
const log = pino({ level: 'silent' });

const database = await createTestDatabase();
await applyMigrations(database);
// The production pool size (DB_POOL_MAX default), not the test helper's 4.
const server = await openDatabase({ url: database.url, poolMax: 10 });
const db = server.db;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `total` calls split over `writers` concurrent loops, each on its own pooled connection. */
async function inParallel(writers: number, total: number, write: (n: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) await write(next++);
    }),
  );
}
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
const runner = (deps: Partial<JobRunnerDeps> = {}) =>
  createJobRunner({ db, log, pollMs: 1000, ...deps });
const payload = (n: number) => ({
  registrationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

// (a) Enqueue against the same row written into a plain copy of the table (no NOTIFY), one transaction each.
await db.execute(sql`create table bench_job (like job including defaults)`);
const producer = runner();
const plainInsert = (tx: Db, n: number) =>
  tx.execute(sql`
  insert into bench_job (kind, payload, max_attempts, run_at, created_by)
  values ('bench.none', ${JSON.stringify(payload(n))}::jsonb, 20, now(), null) returning *`);
const enqueueLines: string[] = [];
for (const writers of [1, WRITERS]) {
  const plainMs = await time(() =>
    inParallel(writers, JOBS, (n) => db.transaction((tx) => plainInsert(tx as unknown as Db, n))),
  );
  const enqueueMs = await time(() =>
    inParallel(writers, JOBS, (n) =>
      db.transaction((tx) => producer.enqueue('bench.none', payload(n), {}, tx)),
    ),
  );
  enqueueLines.push(
    `| ${writers} | ${JOBS} | ${rate(JOBS, plainMs)} | ${rate(JOBS, enqueueMs)} | ` +
      `${(enqueueMs / plainMs).toFixed(2)}× |`,
  );
}
await db.delete(job);

// (b) Jobs completed per second with a no-op handler: a backlog drained, and jobs enqueued while running.
async function allSucceeded(total: number) {
  for (;;) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(job)
      .where(sql`status = 'succeeded'`);
    if ((row?.n ?? 0) >= total) return;
    await sleep(20);
  }
}
const throughputLines: string[] = [];
for (const concurrency of [1, DEFAULT_CONCURRENCY]) {
  await db
    .insert(job)
    .values(Array.from({ length: JOBS }, (_, n) => ({ kind: 'bench.noop', payload: payload(n) })));
  const jobs = runner({ concurrency, listen: server.listen });
  jobs.register('bench.noop', async () => undefined);
  const backlogMs = await time(async () => {
    await jobs.start();
    await allSucceeded(JOBS);
  });
  await db.delete(job);
  const liveMs = await time(async () => {
    await inParallel(WRITERS, JOBS, (n) =>
      db.transaction((tx) => producer.enqueue('bench.noop', payload(n), {}, tx)),
    );
    await allSucceeded(JOBS);
  });
  await jobs.stop();
  await db.delete(job);
  throughputLines.push(
    `| ${concurrency} | backlog of ${JOBS} drained | ${(backlogMs / 1000).toFixed(2)} s | ` +
      `${rate(JOBS, backlogMs)} |`,
  );
  throughputLines.push(
    `| ${concurrency} | ${JOBS} enqueued by ${WRITERS} writers meanwhile, until all done | ` +
      `${(liveMs / 1000).toFixed(2)} s | ${rate(JOBS, liveMs)} |`,
  );
}

// (c) Enqueue → start: one job at a time, committed by another runner (a request on another instance).
async function startDelays(deps: Partial<JobRunnerDeps>, samples: number, maxGapMs: number) {
  const jobs = runner({ concurrency: DEFAULT_CONCURRENCY, ...deps });
  const enqueuedAt = new Map<number, number>();
  const delays: number[] = [];
  jobs.register<{ n: number }>('bench.latency', async ({ payload: { n } }) => {
    delays.push(performance.now() - enqueuedAt.get(n)!);
  });
  await jobs.start();
  for (let n = 0; n < samples; n++) {
    // Random gaps so arrivals fall anywhere in the poll cycle.
    await sleep(Math.random() * maxGapMs);
    enqueuedAt.set(n, performance.now());
    await db.transaction((tx) => producer.enqueue('bench.latency', { n }, {}, tx));
  }
  while (delays.length < samples) await sleep(20);
  await jobs.stop();
  await db.delete(job);
  return delays.sort((a, b) => a - b);
}
const pct = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const latencyLines: string[] = [];
for (const [label, deps, samples, gap] of [
  ['wake-ups (LISTEN/NOTIFY), poll 2000 ms', { listen: server.listen, pollMs: 2000 }, 400, 30],
  ['poll only, 1000 ms (no wake-ups, the old setting)', { pollMs: 1000 }, 120, 100],
] as const) {
  const d = await startDelays(deps, samples, gap);
  const ms = (v: number) => v.toFixed(1);
  latencyLines.push(
    `| ${label} | ${samples} | ${ms(pct(d, 50))} | ${ms(pct(d, 95))} | ${ms(pct(d, 99))} | ` +
      `${ms(d[d.length - 1]!)} |`,
  );
}

console.log(`\nEnqueue beside a plain INSERT of the same row (one transaction per job)\n`);
console.log(
  '| writers | jobs | plain INSERT | jobs.enqueue (INSERT + pg_notify) | cost vs baseline |',
);
console.log('|---:|---:|---:|---:|---:|');
for (const line of enqueueLines) console.log(line);
console.log(`\nNo-op jobs completed per second (one runner, pool 10)\n`);
console.log('| concurrency | load | time | jobs/s |');
console.log('|---:|---|---:|---:|');
for (const line of throughputLines) console.log(line);
console.log(`\nEnqueue → handler start, concurrency ${DEFAULT_CONCURRENCY} (ms)\n`);
console.log('| runner | samples | p50 | p95 | p99 | max |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const line of latencyLines) console.log(line);

await server.close();
await database.close();
