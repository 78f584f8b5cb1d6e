import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { job } from './job.table';
import type { JobHandler, JobRow } from './job-types';

export type JobExecutorDeps = {
  db: Db;
  log: FastifyBaseLogger;
  /** The runner's identity in `locked_by`: a finish or renewal only counts while it still matches. */
  workerId: string;
  leaseSeconds: number;
  handlers: ReadonlyMap<string, JobHandler<never>>;
  /** Raised when the runner stops: handlers are told, and a failure then is not retried. */
  shutdown: AbortSignal;
};

/**
 * Runs one claimed job to its end under its lease (NFR-REL-1): the handler with its progress
 * reporter, a heartbeat that renews the lease, and the final update, which only counts while this
 * claim still holds the job. Failures retry with exponential backoff up to maxAttempts.
 */
export function createJobExecutor(deps: JobExecutorDeps) {
  const { db, log, workerId, leaseSeconds } = deps;
  const heartbeatMs = (leaseSeconds * 1000) / 3;

  async function execute(row: JobRow): Promise<void> {
    const handler = deps.handlers.get(row.kind)!;
    // This claim still holds the job: a takeover changes the holder or, on this instance, the attempt.
    const stillMine = and(
      eq(job.id, row.id),
      eq(job.lockedBy, workerId),
      eq(job.attempts, row.attempts),
    );
    const extendLease = sql`now() + make_interval(secs => ${leaseSeconds})`;
    // Raised on shutdown, and when the heartbeat finds the job taken over: its work would be discarded.
    const leaseLost = new AbortController();
    const signal = AbortSignal.any([deps.shutdown, leaseLost.signal]);
    const heartbeat = startHeartbeat(row, stillMine, extendLease, leaseLost);
    const reportProgress = async (percent: number, message?: string) => {
      const progress = Math.max(0, Math.min(100, Math.round(percent)));
      await db
        .update(job)
        .set({ progress, message: message ?? null, lockedUntil: extendLease })
        .where(stillMine);
    };
    const finish = async (values: PgUpdateSetSource<typeof job>) => {
      heartbeat.stop();
      const updated = await db.update(job).set(values).where(stillMine).returning({ id: job.id });
      // A worker that outlived its lease must not overwrite what the instance that took over decided.
      if (updated.length === 0) {
        log.warn(
          { jobId: row.id, kind: row.kind, attempt: row.attempts },
          'job lease lost: result discarded',
        );
      }
      return updated.length > 0;
    };
    try {
      const result = await handler({
        jobId: row.id,
        payload: row.payload as never,
        attempt: row.attempts,
        reportProgress,
        signal,
      });
      const done = {
        status: 'succeeded',
        progress: 100,
        result: (result ?? null) as never,
      } as const;
      if (await finish({ ...done, finishedAt: new Date(), lockedUntil: null })) {
        log.info({ jobId: row.id, kind: row.kind }, 'job succeeded');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = row.attempts < row.maxAttempts && !deps.shutdown.aborted;
      const backoff = sql`now() + make_interval(secs => ${2 ** row.attempts})`;
      const recorded = await finish(
        retry
          ? { status: 'queued', error: message, lockedUntil: null, runAt: backoff }
          : { status: 'failed', error: message, finishedAt: new Date(), lockedUntil: null },
      );
      if (recorded)
        log.warn(
          { jobId: row.id, kind: row.kind, attempt: row.attempts, retry, err: error },
          'job failed',
        );
    } finally {
      heartbeat.stop();
    }
  }

  /**
   * Renews the lease every third of it while the handler runs, one renewal at a time (a slow
   * database must not pile them up). A renewal that matches no row means another worker holds the
   * job now: the handler is told through its signal. A failed renewal is only logged: the job may
   * still be ours, and two more chances come before the lease lapses.
   */
  function startHeartbeat(
    row: JobRow,
    stillMine: SQL | undefined,
    extendLease: SQL,
    leaseLost: AbortController,
  ) {
    let beat: NodeJS.Timeout | undefined;
    let active = true;
    const schedule = () => {
      beat = setTimeout(() => void renew(), heartbeatMs);
    };
    const renew = async () => {
      try {
        // Only while running: a renewal racing the final update must not put a lease back on a finished job.
        const mineAndRunning = and(stillMine, eq(job.status, 'running'));
        const renewed = await db
          .update(job)
          .set({ lockedUntil: extendLease })
          .where(mineAndRunning)
          .returning({ id: job.id });
        if (!active) return;
        if (renewed.length === 0) {
          log.warn(
            { jobId: row.id, kind: row.kind, attempt: row.attempts },
            'job lease lost: handler aborted',
          );
          active = false;
          leaseLost.abort(new Error('job lease lost'));
          return;
        }
      } catch (error) {
        log.warn({ jobId: row.id, kind: row.kind, err: error }, 'job lease renewal failed');
      }
      if (active) schedule();
    };
    schedule();
    return {
      stop() {
        active = false;
        clearTimeout(beat);
      },
    };
  }

  return execute;
}
