import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { paymentNotice, refundNotice } from './payment.table';

// Test fixtures of payments: other modules' tests (fee waivers, ONL-01) read notices through these.

/** The payment notices of a registration, as stored. */
export async function findTestPaymentNotices(db: DbOrTx, registrationId: string) {
  return db.select().from(paymentNotice).where(eq(paymentNotice.registrationId, registrationId));
}

/** The refund notices of a payment notice, as stored. */
export async function findTestRefundNotices(db: DbOrTx, paymentNoticeId: string) {
  return db.select().from(refundNotice).where(eq(refundNotice.paymentNoticeId, paymentNoticeId));
}
