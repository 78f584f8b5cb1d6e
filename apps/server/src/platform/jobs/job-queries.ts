import { count, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { job } from './job.table';
import { JOB_CHANNEL, type EnqueueOptions, type JobRow } from './job-types';

// The job table's statements: insert with its wake-up notification, the claim, and the reads of
// the admin portal's job list.

/**
 * Inserts a job in `tx` and notifies the channel in the same transaction, so listeners hear of the
 * job only once it is visible.
 */
export async function insertJob(
  tx: DbOrTx,
  kind: string,
  payload: unknown,
  options: EnqueueOptions,
): Promise<JobRow> {
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
  return row!;
}

/** Claims the next due job in one statement: the typed row comes back with the claim (one round trip). */
export async function claimNextJob(
  db: Db,
  kinds: readonly string[],
  workerId: string,
  leaseSeconds: number,
): Promise<JobRow | undefined> {
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

/** One job by id: its status, progress and result. */
export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.query.job.findFirst({ where: eq(job.id, id) });
}

/** A page of jobs, newest first, with the total. */
export async function findJobPage(db: Db, page: number, pageSize: number) {
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
