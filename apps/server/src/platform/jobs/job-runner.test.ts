import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate';
import { rowsOf, type Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { createJobRunner, type JobRunner, type JobRunnerDeps } from './job-runner';
import { job } from './job.table';

const log = pino({ level: 'silent' });

describe('durable job runner', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(job);
  });

  const runner = () => createJobRunner({ db: database.db, log, pollMs: 20 });
  // Started runners of a test, stopped after it even when it fails (no timers or listeners left behind).
  const started: JobRunner[] = [];
  const startedRunner = async (options: Partial<JobRunnerDeps> = {}) => {
    const jobs = createJobRunner({
      db: database.db,
      log,
      pollMs: 60_000,
      listen: database.listen,
      ...options,
    });
    started.push(jobs);
    return jobs;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((r) => r.stop()));
  });

  it('runs a job to completion, keeping its progress, message and result', async () => {
    const jobs = runner();
    const seen: number[] = [];
    jobs.register<{ n: number }>('count', async ({ payload, reportProgress }) => {
      for (let i = 1; i <= payload.n; i++) {
        await reportProgress((i / payload.n) * 100, `第 ${i} 步`);
        seen.push((await jobs.getJob(created.id))!.progress);
      }
      return { counted: payload.n };
    });
    const created = await jobs.enqueue('count', { n: 4 });
    await jobs.drain();
    const done = await jobs.getJob(created.id);
    expect(seen).toEqual([25, 50, 75, 100]);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: 100,
      result: { counted: 4 },
      attempts: 1,
    });
    expect(done?.finishedAt).toBeInstanceOf(Date);
  });

  it('retries a failing job with backoff and marks it failed after its last attempt', async () => {
    const jobs = runner();
    let calls = 0;
    jobs.register('flaky', async () => {
      calls++;
      throw new Error(`第 ${calls} 次失败`);
    });
    const created = await jobs.enqueue('flaky', {}, { maxAttempts: 2 });
    await jobs.drain();
    const afterFirst = await jobs.getJob(created.id);
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, error: '第 1 次失败' });
    expect(afterFirst!.runAt.getTime()).toBeGreaterThan(Date.now());

    await database.db
      .update(job)
      .set({ runAt: sql`now()` })
      .where(eq(job.id, created.id));
    await jobs.drain();
    expect(await jobs.getJob(created.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: '第 2 次失败',
    });
    expect(calls).toBe(2);
  });

  it('keeps queued jobs across a restart: a new runner finishes what the old one left', async () => {
    const before = runner();
    before.register('noop', async () => 'ok');
    const created = await before.enqueue('noop', {});
    await before.stop();

    const after = runner();
    after.register('noop', async () => 'done after restart');
    await after.drain();
    expect(await after.getJob(created.id)).toMatchObject({
      status: 'succeeded',
      result: 'done after restart',
    });
  });

  it('takes over a running job whose worker lease expired', async () => {
    const jobs = runner();
    jobs.register('resume', async ({ attempt }) => ({ attempt }));
    const created = await jobs.enqueue('resume', {});
    await database.db
      .update(job)
      .set({
        status: 'running',
        attempts: 1,
        lockedBy: 'dead-worker',
        lockedUntil: sql`now() - interval '1 minute'`,
      })
      .where(eq(job.id, created.id));
    await jobs.drain();
    expect(await jobs.getJob(created.id)).toMatchObject({
      status: 'succeeded',
      result: { attempt: 2 },
    });
  });

  it('lets a worker that outlived its lease change nothing after another runner took the job over', async () => {
    const slow = runner();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    slow.register('overrun', async ({ attempt }) => {
      if (attempt === 1) await gate;
      return { finishedBy: attempt };
    });
    const created = await slow.enqueue('overrun', {});
    const firstAttempt = slow.drain();
    await waitFor(async () => (await slow.getJob(created.id))?.status === 'running');
    // The first worker hangs past its lease; a second runner takes the job over and finishes it.
    await database.db
      .update(job)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(job.id, created.id));
    const other = runner();
    other.register('overrun', async ({ attempt }) => ({ finishedBy: attempt }));
    await other.drain();
    expect(await other.getJob(created.id)).toMatchObject({
      status: 'succeeded',
      result: { finishedBy: 2 },
    });
    release();
    await firstAttempt;
    expect(await other.getJob(created.id)).toMatchObject({
      status: 'succeeded',
      result: { finishedBy: 2 },
      attempts: 2,
    });
  });

  it('runs each job exactly once when several runners compete', async () => {
    const runs = new Map<string, number>();
    const runners = [runner(), runner(), runner()];
    for (const r of runners) {
      r.register<{ i: number }>('once', async ({ jobId }) => {
        runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => runners[0]!.enqueue('once', { i })),
    );
    await Promise.all(runners.map((r) => r.drain()));
    expect(runs.size).toBe(12);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await database.db.select().from(job);
    expect(
      rows.filter((r) => created.some((c) => c.id === r.id)).every((r) => r.status === 'succeeded'),
    ).toBe(true);
  });

  it('picks up new jobs by itself once started, and stops cleanly', async () => {
    const jobs = runner();
    let resolveDone!: () => void;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    jobs.register('ping', async () => resolveDone());
    jobs.start();
    await jobs.enqueue('ping', {});
    await done;
    await jobs.stop();
  });

  describe('wake-ups, concurrency and the heartbeat lease (NFR-PERF-1, NFR-REL-1)', () => {
    it('starts a job enqueued elsewhere, once its transaction commits, without waiting for the poll', async () => {
      // The poll (60 s) never fires here: only the NOTIFY can start the job.
      const worker = await startedRunner();
      let startedAt = 0;
      worker.register('wake', async () => {
        startedAt = Date.now();
      });
      await worker.start();
      // Another instance enqueues inside its own transaction (a request on another server).
      const producer = createJobRunner({ db: database.db, log, pollMs: 60_000 });
      let committedAt = 0;
      const created = await database.db.transaction(async (tx) => {
        const row = await producer.enqueue('wake', {}, {}, tx);
        await new Promise((resolve) => setTimeout(resolve, 100));
        // Not before commit: the notification travels with the transaction.
        expect(startedAt).toBe(0);
        committedAt = Date.now();
        return row;
      });
      await waitFor(async () => (await worker.getJob(created.id))?.status === 'succeeded', 5000);
      // Typically a few milliseconds; the bound is generous for a loaded machine, far below the poll.
      expect(startedAt - committedAt).toBeLessThan(1000);
    });

    it('claims the next job as soon as one finishes, without waiting for the poll', async () => {
      const worker = await startedRunner({ concurrency: 1 });
      const order: number[] = [];
      worker.register<{ i: number }>('chain', async ({ payload }) => {
        order.push(payload.i);
      });
      await worker.start();
      const producer = createJobRunner({ db: database.db, log, pollMs: 60_000 });
      // One transaction, one notification, five jobs: the rest must follow each other without a poll.
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await producer.enqueue('chain', { i }, {}, tx);
      });
      await waitFor(async () => order.length === 5, 5000);
      expect(order.sort()).toEqual([0, 1, 2, 3, 4]);
    });

    it('runs jobs concurrently up to the bound and never more', async () => {
      const worker = await startedRunner({ concurrency: 3 });
      let inFlight = 0;
      let most = 0;
      let done = 0;
      worker.register('wait', async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 150));
        inFlight--;
        done++;
      });
      await worker.start();
      const producer = createJobRunner({ db: database.db, log, pollMs: 60_000 });
      // Separate commits: many wake-ups arrive while claims and jobs are in flight.
      await Promise.all(Array.from({ length: 9 }, () => producer.enqueue('wait', {})));
      await waitFor(async () => done === 9, 10_000);
      expect(most).toBe(3);
    });

    it('takes over within seconds a job whose worker died while running it', async () => {
      const dead = killable(database.db);
      const doomed = createJobRunner({
        db: dead.db,
        log,
        pollMs: 60_000,
        listen: database.listen,
        leaseSeconds: 1,
      });
      let release!: () => void;
      const hung = new Promise<void>((resolve) => (release = resolve));
      doomed.register('survive', async () => hung);
      await doomed.start();
      const created = await doomed.enqueue('survive', {});
      await waitFor(async () => (await doomed.getJob(created.id))?.status === 'running');
      // kill -9: the process issues no more queries, renews nothing and finishes nothing.
      dead.kill();
      const diedAt = Date.now();
      const heir = await startedRunner({ pollMs: 200, leaseSeconds: 1 });
      heir.register('survive', async ({ attempt }) => ({ attempt }));
      await heir.start();
      await waitFor(async () => (await heir.getJob(created.id))?.status === 'succeeded', 10_000);
      // Lease (1 s) plus a poll (0.2 s); the bound leaves room for a loaded machine.
      expect(Date.now() - diedAt).toBeLessThan(5000);
      expect(await heir.getJob(created.id)).toMatchObject({
        status: 'succeeded',
        result: { attempt: 2 },
        attempts: 2,
      });
      void doomed.stop();
      release();
    });

    it('keeps a long job leased past its lease length while its worker lives, so no one takes it over', async () => {
      const worker = await startedRunner({ leaseSeconds: 1 });
      const rival = await startedRunner({ pollMs: 50, leaseSeconds: 1 });
      let runs = 0;
      const handler = async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 3000));
        return 'finished';
      };
      worker.register('long', handler);
      rival.register('long', handler);
      await worker.start();
      const created = await worker.enqueue('long', {});
      await waitFor(async () => (await worker.getJob(created.id))?.status === 'running');
      await rival.start();
      // Sampled over more than two lease lengths: always ahead of now, never further than one lease.
      const ahead: number[] = [];
      for (let i = 0; i < 8; i++) {
        const [row] = rowsOf<{ ms: number | null }>(
          await database.db.execute(sql`
          select extract(epoch from locked_until - now()) * 1000 as ms from job where id = ${created.id}`),
        );
        if (row?.ms == null) break;
        ahead.push(Number(row.ms));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(ahead.length).toBeGreaterThanOrEqual(6);
      expect(Math.min(...ahead)).toBeGreaterThan(0);
      expect(Math.max(...ahead)).toBeLessThanOrEqual(1100);
      await waitFor(async () => (await worker.getJob(created.id))?.status === 'succeeded', 10_000);
      expect(await worker.getJob(created.id)).toMatchObject({ result: 'finished', attempts: 1 });
      expect(runs).toBe(1);
    });

    it('aborts a handler whose job the heartbeat finds taken over', async () => {
      const worker = await startedRunner({ leaseSeconds: 1 });
      let abortedAfter: number | undefined;
      worker.register(
        'abortable',
        ({ signal }) =>
          new Promise((resolve) => {
            const since = Date.now();
            signal.addEventListener('abort', () => {
              abortedAfter = Date.now() - since;
              resolve('stopped');
            });
          }),
      );
      await worker.start();
      const created = await worker.enqueue('abortable', {});
      await waitFor(async () => (await worker.getJob(created.id))?.status === 'running');
      await database.db
        .update(job)
        .set({ lockedBy: 'another-worker' })
        .where(eq(job.id, created.id));
      await waitFor(async () => abortedAfter !== undefined, 5000);
      // The abandoned worker changed nothing: the row is still the other worker's.
      expect(await worker.getJob(created.id)).toMatchObject({
        status: 'running',
        lockedBy: 'another-worker',
      });
    });

    it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
      'listens again after its PostgreSQL connection drops, and closes it on stop',
      async () => {
        const worker = await startedRunner();
        let runs = 0;
        worker.register('relisten', async () => {
          runs++;
        });
        await worker.start();
        const listeners = async () =>
          rowsOf<{ pid: number }>(
            await database.db.execute(sql`
          select pid from pg_stat_activity
          where datname = current_database() and application_name = 'kaolu-job-listener'`),
          );
        expect(await listeners()).toHaveLength(1);
        await database.db.execute(sql`
          select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and application_name = 'kaolu-job-listener'`);
        await waitFor(async () => (await listeners()).length === 1, 10_000);
        const producer = createJobRunner({ db: database.db, log, pollMs: 60_000 });
        await producer.enqueue('relisten', {});
        await waitFor(async () => runs === 1, 5000);
        await worker.stop();
        await waitFor(async () => (await listeners()).length === 0, 5000);
      },
    );
  });
});

/**
 * A database handle that can be made to freeze like a killed process: after kill(), every query
 * it is asked for never answers (no error either, so nothing in the runner reacts).
 */
function killable(db: Db): { db: Db; kill(): void } {
  let dead = false;
  const frozen: unknown = new Proxy(() => undefined, {
    get: (_target, key) => (key === 'then' ? () => undefined : frozen),
    apply: () => frozen,
  });
  const proxy = new Proxy(db, {
    get(target, key) {
      if (dead) return frozen;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, kill: () => (dead = true) };
}

async function waitFor(condition: () => Promise<boolean>, withinMs = 2000): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`condition not met within ${withinMs} ms`);
}
