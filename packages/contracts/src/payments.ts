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

export const RefundStatusSchema = z.enum(['issued', 'refunded']);
export const REFUND_STATUS_LABELS: Record<z.infer<typeof RefundStatusSchema>, string> = {
  issued: '退费处理中',
  refunded: '已退费',
};

export const RefundNoticeSchema = z.object({
  refundNumber: z.string(),
  amountYuan: z.string(),
  reason: z.string(),
  status: RefundStatusSchema,
  createdAt: z.string(),
});

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
export const PaymentCallbackResultSchema = z.object({
  result: z.enum(['accepted', 'duplicate', 'refunded']),
});

export const RefundRequestSchema = z.object({
  reason: z.string().trim().min(2, '请填写退费原因').max(200),
});

export const ReconciliationQuerySchema = z.object({
  eventId: z.uuid().meta({ title: '招录事项' }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: PaymentStatusSchema.optional().meta({ title: '状态' }),
});
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
export const ReconciliationPageSchema = pageOf(ReconciliationRowSchema).extend({
  totals: z.object({
    expectedYuan: z.string(),
    paidYuan: z.string(),
    refundedYuan: z.string(),
    notices: z.number().int(),
  }),
});
export const ExpireUnpaidResultSchema = z.object({ notAdmitted: z.number().int() });
