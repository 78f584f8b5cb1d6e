import type { PhysicalExamItem } from '@kaolu/contracts';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../../db/client';
import { exchangeOrder, exchangeSubmission } from './hospital-exchange.table';

// Queries over the exchange store 中间库 (INT-09g) and nothing else: this file names only the
// hospital_exchange tables. The hospital portal's service uses no other repository (a test walks
// its imports), and on PostgreSQL its transactions run as the role that has rights on this schema
// alone, so even a mistaken query could not reach a management table.

export type OrderRow = typeof exchangeOrder.$inferSelect;
export type SubmissionRow = typeof exchangeSubmission.$inferSelect;
export type OrderWrite = typeof exchangeOrder.$inferInsert;
type Outcome = { result: 'qualified' | 'unqualified'; items: PhysicalExamItem[]; remarks: string };

/**
 * Runs `work` in a transaction bound to the exchange role on PostgreSQL (SET LOCAL ROLE ends with
 * the transaction). PGlite has a single user, so there the separation rests on this file alone.
 */
export async function withExchangeRole<T>(
  database: Database,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    if (database.driver === 'postgres')
      await tx.execute(sql`set local role kaolu_hospital_exchange`);
    return work(tx);
  });
}

/** A hospital's orders (the condition restricts them to its hospitals), by exam time. */
export async function findOrders(db: DbOrTx, hospitals: SQL | undefined): Promise<OrderRow[]> {
  return db
    .select()
    .from(exchangeOrder)
    .where(hospitals)
    .orderBy(exchangeOrder.examAt, exchangeOrder.ticketNumber)
    .limit(2000);
}

/** One order, or undefined; the caller checks it belongs to the hospital. */
export async function findOrder(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(exchangeOrder).where(eq(exchangeOrder.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The ids of orders that have a submission still waiting (new or pending). */
export async function openSubmissionsOf(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) return new Map<string, 'result' | 'change'>();
  const rows = await db
    .select({ orderId: exchangeSubmission.orderId, kind: exchangeSubmission.kind })
    .from(exchangeSubmission)
    .where(
      and(
        inArray(exchangeSubmission.orderId, [...orderIds]),
        inArray(exchangeSubmission.status, ['new', 'pending']),
      ),
    );
  return new Map(rows.map((r) => [r.orderId, r.kind]));
}

/** Writes submissions (all of one import, or one entry) as new: the job picks them up. */
export async function insertSubmissions(
  tx: DbOrTx,
  rows: Array<
    Outcome & {
      orderId: string;
      hospitalId: string;
      kind: 'result' | 'change';
      reason: string | null;
      submittedAt: Date;
      submittedBy: string;
    }
  >,
) {
  if (rows.length === 0) return;
  await tx.insert(exchangeSubmission).values(rows);
}

/** A hospital's submissions, newest first, with the order each is about. */
export async function findSubmissions(db: DbOrTx, hospitals: SQL | undefined) {
  return db
    .select({ s: exchangeSubmission, o: exchangeOrder })
    .from(exchangeSubmission)
    .innerJoin(exchangeOrder, eq(exchangeOrder.id, exchangeSubmission.orderId))
    .where(hospitals)
    .orderBy(desc(exchangeSubmission.submittedAt))
    .limit(500);
}

/** The hospital column of orders, for the caller's scope condition. */
export const orderHospitalColumn = exchangeOrder.hospitalId;
export const submissionHospitalColumn = exchangeSubmission.hospitalId;

// ——— the management side's writes into the store (assignment, the job, the org's decisions) ———

/** Creates or replaces the order of a round (a re-assignment moves date, place or hospital). */
export async function upsertOrder(tx: DbOrTx, row: OrderWrite) {
  await tx
    .insert(exchangeOrder)
    .values(row)
    .onConflictDoUpdate({
      target: exchangeOrder.id,
      set: { hospitalId: row.hospitalId, examAt: row.examAt, place: row.place },
    });
}

/** The result as it now stands on the management side, copied for the hospital to read. */
export async function setOrderOutcome(tx: DbOrTx, id: string, outcome: Outcome, at: Date) {
  await tx
    .update(exchangeOrder)
    .set({ ...outcome, resultAt: at })
    .where(eq(exchangeOrder.id, id));
}

/** Whether any submission waits to be moved (the timer queues the job only then). */
export async function hasNewSubmissions(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ id: exchangeSubmission.id })
    .from(exchangeSubmission)
    .where(eq(exchangeSubmission.status, 'new'))
    .limit(1);
  return row !== undefined;
}

/** Claims a batch of new submissions for the job, oldest first, skipping rows another run holds. */
export async function claimNewSubmissions(tx: DbOrTx, limit: number): Promise<SubmissionRow[]> {
  return tx
    .select()
    .from(exchangeSubmission)
    .where(eq(exchangeSubmission.status, 'new'))
    .orderBy(exchangeSubmission.submittedAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Records what became of a submission (moved, recorded, decided), for the hospital to read. */
export async function setSubmissionStatus(
  tx: DbOrTx,
  id: string,
  status: SubmissionRow['status'],
  note: string | null,
  decidedAt: Date | null,
) {
  await tx
    .update(exchangeSubmission)
    .set({ status, note, decidedAt })
    .where(eq(exchangeSubmission.id, id));
}
