import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { paymentNotice, refundNotice } from './payment.table';

export type NoticeRow = typeof paymentNotice.$inferSelect;
export type RefundRow = typeof refundNotice.$inferSelect;

// Each finder can lock the notice (FOR UPDATE): payment paths lock it before the registration.

/** A notice by id. */
export async function findNoticeById(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<NoticeRow | undefined> {
  const query = db.select().from(paymentNotice).where(eq(paymentNotice.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A notice by the finance system's number, as a callback names it. */
export async function findNoticeByNumber(
  db: DbOrTx,
  noticeNumber: string,
  lock = false,
): Promise<NoticeRow | undefined> {
  const query = db.select().from(paymentNotice).where(eq(paymentNotice.noticeNumber, noticeNumber));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The notice of a registration (there is at most one). */
export async function findNoticeByRegistration(
  db: DbOrTx,
  registrationId: string,
  lock = false,
): Promise<NoticeRow | undefined> {
  const query = db
    .select()
    .from(paymentNotice)
    .where(eq(paymentNotice.registrationId, registrationId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The refunds of the notices, newest first. */
export async function findRefundsOf(db: DbOrTx, noticeIds: string[]): Promise<RefundRow[]> {
  if (noticeIds.length === 0) return [];
  return db
    .select()
    .from(refundNotice)
    .where(inArray(refundNotice.paymentNoticeId, noticeIds))
    .orderBy(desc(refundNotice.createdAt));
}

/**
 * Updates a notice; with `onlyIn`, only while its status is one of them (a guarded update), and the
 * answer is empty when it had moved on.
 */
export async function updateNotice(
  db: DbOrTx,
  id: string,
  // updatedAt is the caller's reading of the injected clock.
  values: Partial<typeof paymentNotice.$inferInsert> & { updatedAt: Date },
  onlyIn?: NoticeRow['status'][],
) {
  const where = onlyIn
    ? and(eq(paymentNotice.id, id), inArray(paymentNotice.status, onlyIn))
    : eq(paymentNotice.id, id);
  return db.update(paymentNotice).set(values).where(where).returning();
}
