import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate';
import { rowsOf } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { createJobRunner, type JobRunner, type JobRunnerDeps } from './job-runner';
import { job } from './job.table';
import { killable, waitFor } from './job-runner.test-support';

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
