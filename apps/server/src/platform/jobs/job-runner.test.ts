import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { createJobRunner } from './job-runner';
import { job } from './job.table';
import { waitFor } from './job-runner.test-support';

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
});
