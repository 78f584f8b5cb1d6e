import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { paymentNotice, refundNotice } from './payment.table';

export type NoticeRow = typeof paymentNotice.$inferSelect;
export type RefundRow = typeof refundNotice.$inferSelect;

export async function findNoticeById(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<NoticeRow | undefined> {
  const query = db.select().from(paymentNotice).where(eq(paymentNotice.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findNoticeByNumber(
  db: DbOrTx,
  noticeNumber: string,
  lock = false,
): Promise<NoticeRow | undefined> {
  const query = db.select().from(paymentNotice).where(eq(paymentNotice.noticeNumber, noticeNumber));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

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

export async function findRefundsOf(db: DbOrTx, noticeIds: string[]): Promise<RefundRow[]> {
  if (noticeIds.length === 0) return [];
  return db
    .select()
    .from(refundNotice)
    .where(inArray(refundNotice.paymentNoticeId, noticeIds))
    .orderBy(desc(refundNotice.createdAt));
}

export async function updateNotice(
  db: DbOrTx,
  id: string,
  values: Partial<typeof paymentNotice.$inferInsert>,
  onlyIn?: NoticeRow['status'][],
) {
  const where = onlyIn
    ? and(eq(paymentNotice.id, id), inArray(paymentNotice.status, onlyIn))
    : eq(paymentNotice.id, id);
  return db
    .update(paymentNotice)
    .set({ ...values, updatedAt: new Date() })
    .where(where)
    .returning();
}
