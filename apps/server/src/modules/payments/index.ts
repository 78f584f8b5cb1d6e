// Public face of the payments module (REG-11): notices, signed callbacks, refunds, reconciliation.
import { defineModule } from '../../platform/modules/module-registry';
import type { DataExchange } from '../data-exchange';
import type { RegistrationsService } from '../registrations';
import { centsOf } from './money';
import { registerPaymentRoutes } from './payments.routes';
import { createPaymentsService } from './payments.service';

export {
  createPaymentsService,
  ISSUE_NOTICE_JOB,
  ISSUE_REFUND_JOB,
  type PaymentsService,
} from './payments.service';
export { findReconciliation, exportReconciliation } from './payments-reconciliation';
export { yuanOf, centsOf } from './money';

export const paymentsModule = defineModule({
  name: 'payments',
  dependsOn: ['registrations', 'events', 'data-exchange'],
  create(platform, deps: { registrations: RegistrationsService; 'data-exchange': DataExchange }) {
    const { db, crypto, audit, jobs } = platform;
    const payments = createPaymentsService({
      db,
      crypto,
      audit,
      jobs,
      exchange: deps['data-exchange'],
      registrations: deps.registrations,
      now: () => platform.clock.now(),
    });
    // Registration comes first in the journey; it asks for its fee through this hook (no cycle back).
    deps.registrations.useFees({
      async issueNotice(tx, input) {
        const amountCents = centsOf(input.amountYuan);
        if (amountCents === 0) return false;
        await payments.createNotice(tx, {
          registrationId: input.registrationId,
          eventId: input.eventId,
          amountCents,
          payerName: input.payerName,
          dueAt: input.dueAt,
        });
        return true;
      },
      settleOnCancel: (tx, registrationId, reason) =>
        payments.settleForWaiverOrCancel(tx, registrationId, 'cancelled', reason),
    });
    return payments;
  },
  routes(app, payments, platform) {
    registerPaymentRoutes(app, { db: platform.db, audit: platform.audit, payments });
  },
  // Unpaid at the payment deadline → not admitted: every instance ticks, the tick enqueues each sweep once.
  start(payments, platform) {
    payments.deadlines.start(60_000, (error) =>
      platform.log.error({ err: error }, '缴费截止处理任务入队失败'),
    );
  },
  stop(payments) {
    payments.deadlines.stop();
  },
});
