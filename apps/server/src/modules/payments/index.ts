// Public face of the payments module (issue 7, REG-11): notices, signed callbacks, refunds, reconciliation.
export { createPaymentsService, ISSUE_NOTICE_JOB, ISSUE_REFUND_JOB, type PaymentsService } from './payments.service';
export { registerPaymentRoutes } from './payments.routes';
export { findReconciliation, exportReconciliation } from './payments-reconciliation';
export { yuanOf, centsOf } from './money';
export { paymentNotice, paymentCallback, refundNotice } from './payment.table';
