import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { FastifyBaseLogger } from 'fastify';
import { rowsOf, type Db, type DbOrTx } from '../../db/client';
import { job } from './job.table';

export type JobRow = typeof job.$inferSelect;

/**
 * What a job handler gets: its payload, a progress reporter and a signal raised on shutdown.
 * Report progress between transactions, never inside one: PGlite has a single connection, so a
 * progress write issued while the handler's transaction is open would wait for it forever.
 */
export type JobContext<P> = {
  jobId: string;
  payload: P;
  attempt: number;
  reportProgress(percent: number, message?: string): Promise<void>;
  signal: AbortSignal;
};
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;

export type EnqueueOptions = { maxAttempts?: number; runAt?: Date; createdBy?: string };

export type JobRunner = ReturnType<typeof createJobRunner>;

const LEASE_SECONDS = 300;

/**
 * A small durable job runner on the application database. Claiming uses FOR UPDATE SKIP LOCKED,
 * so with several server instances each job runs once; a lease lets another instance take over a
 * job whose worker died. Failures retry with exponential backoff up to maxAttempts.
 */
export function createJobRunner(deps: { db: Db; log: FastifyBaseLogger; pollMs: number; concurrency?: number }) {
  const { db, log, pollMs } = deps;
  const concurrency = deps.concurrency ?? 1;
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler<never>>();
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  function register<P>(kind: string, handler: JobHandler<P>): void {
    if (handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    handlers.set(kind, handler as JobHandler<never>);
  }

  /** Adds a job; pass the caller's transaction so the job exists only if that work commits. */
  async function enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}, tx: DbOrTx = db) {
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
    if (!stopped) setImmediate(() => void tick());
    return row!;
  }

  async function claim(): Promise<JobRow | undefined> {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const result = await db.execute(sql`
      update job set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), started_at = coalesce(started_at, now())
      where id = (
        select id from job
        where kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at
        limit 1
        for update skip locked)
      returning id`);
    const id = rowsOf<{ id: string }>(result)[0]?.id;
    if (!id) return undefined;
    return db.query.job.findFirst({ where: eq(job.id, id) });
  }

  async function execute(row: JobRow): Promise<void> {
    const handler = handlers.get(row.kind)!;
    // This claim still holds the job: a takeover changes the holder or, on this instance, the attempt.
    const stillMine = and(eq(job.id, row.id), eq(job.lockedBy, workerId), eq(job.attempts, row.attempts));
    const reportProgress = async (percent: number, message?: string) => {
      const progress = Math.max(0, Math.min(100, Math.round(percent)));
      await db
        .update(job)
        .set({ progress, message: message ?? null, lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(stillMine);
    };
    const finish = async (values: PgUpdateSetSource<typeof job>) => {
      const updated = await db.update(job).set(values).where(stillMine).returning({ id: job.id });
      // A worker that outlived its lease must not overwrite what the instance that took over decided.
      if (updated.length === 0) log.warn({ jobId: row.id, kind: row.kind, attempt: row.attempts }, 'job lease lost: result discarded');
      return updated.length > 0;
    };
    try {
      const result = await handler({ jobId: row.id, payload: row.payload as never, attempt: row.attempts, reportProgress, signal: abort.signal });
      if (await finish({ status: 'succeeded', progress: 100, result: (result ?? null) as never, finishedAt: new Date(), lockedUntil: null })) {
        log.info({ jobId: row.id, kind: row.kind }, 'job succeeded');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = row.attempts < row.maxAttempts && !abort.signal.aborted;
      const recorded = await finish(
        retry
          ? { status: 'queued', error: message, lockedUntil: null, runAt: sql`now() + make_interval(secs => ${2 ** row.attempts})` }
          : { status: 'failed', error: message, finishedAt: new Date(), lockedUntil: null },
      );
      if (recorded) log.warn({ jobId: row.id, kind: row.kind, attempt: row.attempts, retry, err: error }, 'job failed');
    }
  }

  async function tick(): Promise<void> {
    while (!stopped && running.size < concurrency) {
      const row = await claim().catch((error: unknown) => {
        log.error({ err: error }, 'job claim failed');
        return undefined;
      });
      if (!row) return;
      const run = execute(row).finally(() => running.delete(run));
      running.add(run);
    }
  }

  function start(): void {
    if (!stopped) return;
    stopped = false;
    const loop = () => {
      void tick().finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
    };
    loop();
  }

  /** Stops claiming, signals running handlers, and waits for them (graceful shutdown). */
  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearTimeout(timer);
    abort.abort();
    await Promise.allSettled([...running]);
  }

  /** Runs due jobs now until none is left; for tests and for start-up tasks awaited inline. */
  async function drain(): Promise<void> {
    for (let row = await claim(); row; row = await claim()) await execute(row);
  }

  async function getJob(id: string): Promise<JobRow | undefined> {
    return db.query.job.findFirst({ where: eq(job.id, id) });
  }

  async function listJobs(page: number, pageSize: number) {
    const [items, [{ total } = { total: 0 }]] = await Promise.all([
      db.select().from(job).orderBy(desc(job.createdAt)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ total: count() }).from(job),
    ]);
    return { items, total };
  }

  return { register, enqueue, start, stop, drain, getJob, listJobs };
}
