import { z } from 'zod';
import { pageOf } from './common';

/** A payment notice 缴费通知书 (REG-11) as the candidate and finance staff see it. */
export const PaymentStatusSchema = z.enum([
  'requested',
  'issued',
  'pending_confirmation',
  'paid',
  'expired',
  'cancelled',
  'waived',
]);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  requested: '通知书生成中',
  issued: '待缴费',
  pending_confirmation: '缴费确认中',
  paid: '已缴费',
  expired: '逾期未缴费',
  cancelled: '已作废',
  waived: '已减免',
};

/** A refund notice 退费通知书 (REG-11): issued, then refunded once finance confirms. */
export const RefundStatusSchema = z.enum(['issued', 'refunded']);
export const REFUND_STATUS_LABELS: Record<z.infer<typeof RefundStatusSchema>, string> = {
  issued: '退费处理中',
  refunded: '已退费',
};

/** Amounts travel as decimal strings in yuan, never as binary floats. */
export const RefundNoticeSchema = z.object({
  refundNumber: z.string(),
  amountYuan: z.string(),
  reason: z.string(),
  status: RefundStatusSchema,
  createdAt: z.string(),
});

/** One registration's notice with its refunds; the number is null until finance has issued it. */
export const PaymentNoticeSchema = z.object({
  id: z.uuid(),
  registrationId: z.uuid(),
  noticeNumber: z.string().nullable(),
  amountYuan: z.string(),
  payerName: z.string(),
  dueAt: z.string(),
  status: PaymentStatusSchema,
  paidAt: z.string().nullable(),
  refunds: z.array(RefundNoticeSchema),
});
export type PaymentNotice = z.infer<typeof PaymentNoticeSchema>;

// `simulated`: the finance simulator is the provider, so POST …/simulate exists and 模拟支付 may be offered.
export const StartPaymentResultSchema = z.object({
  payUrl: z.string(),
  simulated: z.boolean(),
  notice: PaymentNoticeSchema,
});

/** The finance system's confirmation (REG-11): signed with HMAC-SM3 over the fields in this order. */
export const PaymentCallbackSchema = z.object({
  noticeNumber: z.string().min(1).max(40),
  transactionId: z.string().min(1).max(64),
  amountCents: z.number().int().min(0),
  paidAt: z.iso.datetime({ offset: true }),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PaymentCallback = z.infer<typeof PaymentCallbackSchema>;
/**
 * A repeated confirmation answers `duplicate` rather than an error, so finance can retry safely;
 * `refunded`: a second payment, or one after the deadline, is refunded and never kept.
 */
export const PaymentCallbackResultSchema = z.object({
  result: z.enum(['accepted', 'duplicate', 'refunded']),
});

/** ONL-01 fee waiver granted by staff: a paid fee becomes a refund notice, with the reason kept. */
export const RefundRequestSchema = z.object({
  reason: z.string().trim().min(2, '请填写退费原因').max(200),
});

/** Finance reconciliation 对账 of one event, the same filter for the page and its Excel export. */
export const ReconciliationQuerySchema = z.object({
  eventId: z.uuid().meta({ title: '招录事项' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: PaymentStatusSchema.optional().meta({ title: '状态' }),
});
/** One notice with expected, paid and refunded amounts side by side; the payer's name masked. */
export const ReconciliationRowSchema = z.object({
  noticeNumber: z.string().nullable(),
  payerNameMasked: z.string(),
  examCategory: z.string(),
  status: PaymentStatusSchema,
  expectedYuan: z.string(),
  paidYuan: z.string(),
  refundedYuan: z.string(),
  paidAt: z.string().nullable(),
  transactionId: z.string().nullable(),
});
// The totals cover everything the filter selects, not just the page shown.
export const ReconciliationPageSchema = pageOf(ReconciliationRowSchema).extend({
  totals: z.object({
    expectedYuan: z.string(),
    paidYuan: z.string(),
    refundedYuan: z.string(),
    notices: z.number().int(),
  }),
});
/** After the payment deadline, unpaid registrations are not admitted to the exam: how many. */
export const ExpireUnpaidResultSchema = z.object({ notAdmitted: z.number().int() });
