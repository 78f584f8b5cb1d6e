import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, type Db, type DbOrTx, type Unlisten } from '../../db/client';
import { job } from './job.table';

export type JobRow = typeof job.$inferSelect;

/**
 * What a job handler gets: its payload, a progress reporter and a signal raised on shutdown or
 * when another worker has taken the job over (the handler's outcome would be discarded).
 * Report progress between transactions, never inside one: PGlite has a single connection, so a
 * progress write issued while the handler's transaction is open would wait for it forever. The
 * lease heartbeat is not awaited by the handler, so on PGlite it merely waits for such a
 * transaction to end (as does any other runner's claim, so no takeover can happen meanwhile).
 */
export type JobContext<P> = {
  jobId: string;
  payload: P;
  attempt: number;
  reportProgress(percent: number, message?: string): Promise<void>;
  signal: AbortSignal;
};
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

/** A dead worker's job waits at most this long; kept short by the heartbeat (NFR-REL-1). */
export const DEFAULT_LEASE_SECONDS = 30;

export type EnqueueOptions = { maxAttempts?: number; runAt?: Date; createdBy?: string };

export type JobRunner = ReturnType<typeof createJobRunner>;

/** NOTIFY channel an enqueue signals on, so idle runners on every instance claim at once. */
export const JOB_CHANNEL = 'kaolu_job';

export type JobRunnerDeps = {
  db: Db;
  log: FastifyBaseLogger;
  /** Safety-net poll: catches retries that came due, leases that lapsed and wake-ups lost while unlistened. */
  pollMs: number;
  /** Jobs run at once by this instance (default 1). */
  concurrency?: number;
  /** Lease of a claimed job, renewed every third of it while the handler runs (default 30 s). */
  leaseSeconds?: number;
  /** Subscribes to the enqueue channel (Database.listen); without it the runner only polls. */
  listen?: Database['listen'];
};

/**
 * A small durable job runner on the application database. Claiming uses FOR UPDATE SKIP LOCKED,
 * so with several server instances each job runs once. Enqueueing notifies every instance
 * (NFR-PERF-1: no waiting for a poll) and a finished job makes room for the next claim at once.
 * A claim is a short lease kept alive by a heartbeat, so a dead instance's job is taken over
 * within about lease + poll (NFR-REL-1). Failures retry with exponential backoff up to maxAttempts.
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const { db, log, pollMs } = deps;
  const concurrency = deps.concurrency ?? 1;
  const leaseSeconds = deps.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const heartbeatMs = (leaseSeconds * 1000) / 3;
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler<never>>();
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let listening: Promise<Unlisten | undefined> | undefined;
  // Claims in flight count against the bound too: wake-ups arrive together and each may start a tick.
  let claiming = 0;
  // A wake-up seen while a claim was in flight: that claim's snapshot may predate the new job.
  let wokenDuringClaim = false;

  function register<P>(kind: string, handler: JobHandler<P>): void {
    if (handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    handlers.set(kind, handler as JobHandler<never>);
  }

  /**
   * Adds a job; pass the caller's transaction so the job exists only if that work commits. The
   * NOTIFY goes through the same transaction, so listeners hear of the job only once it is visible.
   */
  async function enqueue(
    kind: string,
    payload: unknown,
    options: EnqueueOptions = {},
    tx: DbOrTx = db,
  ) {
    const [row] = await tx
      .insert(job)
      .values({
        kind,
        payload: payload ?? {},
        maxAttempts: options.maxAttempts ?? 3,
        runAt: options.runAt ?? new Date(),
        createdBy: options.createdBy ?? null,
      })
      .returning();
    // An empty payload lets PostgreSQL fold a transaction's many enqueues into one notification.
    await tx.execute(sql`select pg_notify(${JOB_CHANNEL}, '')`);
    // Already committed: wake this runner without the round trip (it may not be listening).
    if (tx === db) wake();
    return row!;
  }

  /** Claims the next due job in one statement: the typed row comes back with the claim (one round trip). */
  async function claim(): Promise<JobRow | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const [row] = await db
      .update(job)
      .set({
        status: 'running',
        attempts: sql`${job.attempts} + 1`,
        lockedBy: workerId,
        lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
        startedAt: sql`coalesce(${job.startedAt}, now())`,
      })
      .where(
        sql`${job.id} = (
        select due.id from job due
        where due.kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          and ((due.status = 'queued' and due.run_at <= now()) or (due.status = 'running' and due.locked_until < now()))
        order by due.run_at
        limit 1
        for update skip locked)`,
      )
      .returning();
    return row;
  }

  async function execute(row: JobRow): Promise<void> {
    const handler = handlers.get(row.kind)!;
    // This claim still holds the job: a takeover changes the holder or, on this instance, the attempt.
    const stillMine = and(
      eq(job.id, row.id),
      eq(job.lockedBy, workerId),
      eq(job.attempts, row.attempts),
    );
    const extendLease = sql`now() + make_interval(secs => ${leaseSeconds})`;
    // Raised on shutdown, and when the heartbeat finds the job taken over: its work would be discarded.
    const leaseLost = new AbortController();
    const signal = AbortSignal.any([abort.signal, leaseLost.signal]);
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
      const retry = row.attempts < row.maxAttempts && !abort.signal.aborted;
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

  /** Wake-up from an enqueue, a finished job or the listener: claim now if there is room. */
  function wake(): void {
    if (stopped) return;
    if (claiming > 0) wokenDuringClaim = true;
    void tick();
  }

  async function tick(): Promise<void> {
    while (!stopped && running.size + claiming < concurrency) {
      if (claiming === 0) wokenDuringClaim = false;
      claiming++;
      let row: JobRow | undefined;
      try {
        row = await claim();
      } catch (error) {
        log.error({ err: error }, 'job claim failed');
        return;
      } finally {
        claiming--;
      }
      if (!row) {
        if (wokenDuringClaim && !stopped) {
          wokenDuringClaim = false;
          continue;
        }
        return;
      }
      const run: Promise<void> = execute(row).finally(() => {
        running.delete(run);
        // Its slot is free: take the next due job now rather than at the next poll.
        wake();
      });
      running.add(run);
    }
  }

  /** Starts polling and listening; resolves once the wake-up subscription is in place. */
  async function start(): Promise<void> {
    if (!stopped) return;
    stopped = false;
    listening = deps.listen
      ? deps
          .listen(JOB_CHANNEL, wake, (error) =>
            log.warn({ err: error }, 'job wake-up listener failed'),
          )
          .catch((error: unknown) => {
            log.error({ err: error }, 'job wake-up listener unavailable: polling only');
            return undefined;
          })
      : Promise.resolve(undefined);
    const loop = () => {
      void tick().finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
    };
    loop();
    await listening;
  }

  /** Stops claiming and listening, signals running handlers, and waits for them (graceful shutdown). */
  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearTimeout(timer);
    abort.abort();
    const unlisten = await listening;
    listening = undefined;
    await unlisten?.();
    await Promise.allSettled([...running]);
  }

  /** Runs due jobs now, one at a time, until none is left; for tests and start-up tasks awaited inline. */
  async function drain(): Promise<void> {
    for (let row = await claim(); row; row = await claim()) await execute(row);
  }

  async function getJob(id: string): Promise<JobRow | undefined> {
    return db.query.job.findFirst({ where: eq(job.id, id) });
  }

  async function listJobs(page: number, pageSize: number) {
    const [items, [{ total } = { total: 0 }]] = await Promise.all([
      db
        .select()
        .from(job)
        .orderBy(desc(job.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ total: count() }).from(job),
    ]);
    return { items, total };
  }

  return { register, enqueue, start, stop, drain, getJob, listJobs };
}
