import type { job } from './job.table';

// The job runner's vocabulary, shared by the runner, its executor and its queries; modules import
// these through job-runner.ts.

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

/** NOTIFY channel an enqueue signals on, so idle runners on every instance claim at once. */
export const JOB_CHANNEL = 'kaolu_job';
