import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, type Db, type DbOrTx, type Unlisten } from '../../db/client';
import { createJobExecutor } from './job-execution';
import { claimNextJob, findJob, findJobPage, insertJob } from './job-queries';
import {
  DEFAULT_LEASE_SECONDS,
  JOB_CHANNEL,
  type EnqueueOptions,
  type JobHandler,
  type JobRow,
} from './job-types';

// The runner's public face: modules import the types from here, whichever file defines them.
export {
  DEFAULT_LEASE_SECONDS,
  JOB_CHANNEL,
  type EnqueueOptions,
  type JobContext,
  type JobHandler,
  type JobRow,
} from './job-types';

export type JobRunner = ReturnType<typeof createJobRunner>;

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
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler<never>>();
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  const execute = createJobExecutor({
    db,
    log,
    workerId,
    leaseSeconds,
    handlers,
    shutdown: abort.signal,
  });
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
    const row = await insertJob(tx, kind, payload, options);
    // Already committed: wake this runner without the round trip (it may not be listening).
    if (tx === db) wake();
    return row;
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
        row = await claimNextJob(db, [...handlers.keys()], workerId, leaseSeconds);
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
    const claim = () => claimNextJob(db, [...handlers.keys()], workerId, leaseSeconds);
    for (let row = await claim(); row; row = await claim()) await execute(row);
  }

  async function getJob(id: string): Promise<JobRow | undefined> {
    return findJob(db, id);
  }

  async function listJobs(page: number, pageSize: number) {
    return findJobPage(db, page, pageSize);
  }

  return { register, enqueue, start, stop, drain, getJob, listJobs };
}
