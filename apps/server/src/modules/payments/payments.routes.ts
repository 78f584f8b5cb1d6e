import {
  ExpireUnpaidResultSchema,
  IdParamSchema,
  PaymentCallbackResultSchema,
  PaymentCallbackSchema,
  PaymentNoticeSchema,
  ReconciliationPageSchema,
  ReconciliationQuerySchema,
  StartPaymentResultSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorOf } from '../../platform/auth/actor';
import type { AuditLog } from '../../platform/audit';
import type { ZodApp } from '../../platform/http/types';
import { exportReconciliation, findReconciliation } from './payments-reconciliation';
import type { PaymentsService } from './payments.service';
import { principalOf } from '../../platform/auth/request-context';

const tags = ['缴费'];

/** Payment notices for candidates, the finance callback, and finance staff's reconciliation. */
export function registerPaymentRoutes(
  app: ZodApp,
  deps: { db: Db; audit: AuditLog; payments: PaymentsService },
): void {
  const { db, payments, audit } = deps;
  app.get(
    '/api/candidate/registrations/:id/payment',
    {
      schema: {
        tags,
        summary: '我的缴费通知书',
        params: IdParamSchema,
        response: { 200: PaymentNoticeSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => payments.noticeForRegistration(principalOf(request).id, request.params.id),
  );
  app.post(
    '/api/candidate/payments/:id/start',
    {
      schema: {
        tags,
        summary: '去缴费（通知书转为缴费确认中）',
        params: IdParamSchema,
        response: { 200: StartPaymentResultSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => payments.startPayment(principalOf(request).id, request.params.id),
  );
  // Registered only while the finance simulator is the provider: otherwise 404, never a forged "paid" (REG-11).
  const { simulatePayment } = payments;
  if (simulatePayment) {
    app.post(
      '/api/candidate/payments/:id/simulate',
      {
        schema: {
          tags,
          summary: '模拟缴费（仅模拟环境）',
          params: IdParamSchema,
          response: { 200: PaymentCallbackResultSchema },
        },
        config: { access: 'candidate' },
      },
      async (request) => simulatePayment(principalOf(request).id, request.params.id),
    );
  }
  // The finance system calls this; the HMAC-SM3 signature, not a session, proves who it is.
  app.post(
    '/api/payments/callback',
    {
      schema: {
        tags,
        summary: '财政缴费结果回调（签名）',
        body: PaymentCallbackSchema,
        response: { 200: PaymentCallbackResultSchema },
      },
      config: { access: 'public' },
    },
    async (request) => payments.handleCallback(request.body),
  );
  app.get(
    '/api/admin/payments/reconciliation',
    {
      schema: {
        tags,
        summary: '缴费对账列表',
        querystring: ReconciliationQuerySchema,
        response: { 200: ReconciliationPageSchema },
      },
      config: { access: { permission: 'payment.read' } },
    },
    async (request) => findReconciliation(db, request.query),
  );
  app.get(
    '/api/admin/payments/reconciliation/export',
    {
      schema: {
        tags,
        summary: '导出缴费对账表（Excel）',
        querystring: ReconciliationQuerySchema.pick({ eventId: true, status: true }),
      },
      config: { access: { permission: 'payment.export' } },
    },
    async (request, reply) => {
      const file = await exportReconciliation(db, request.query);
      await audit.record(db, {
        action: 'payment.exported',
        actor: actorOf(request),
        targetType: 'event',
        targetId: request.query.eventId,
        result: 'success',
        ip: request.ip,
        requestId: String(request.id),
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('缴费对账表.xlsx')}`,
        )
        .send(file);
    },
  );
  // Fee waivers (ONL-01) are decided in the problem center, with the candidate's evidence and an
  // approved case; it calls payments.waiveFeeIn in its own transaction, so there is no route here.
  app.post(
    '/api/admin/events/:id/payments/expire',
    {
      schema: {
        tags,
        summary: '缴费截止处理：未缴费者不予参考',
        params: IdParamSchema,
        body: z.object({}).optional(),
        response: { 200: ExpireUnpaidResultSchema },
      },
      config: { access: { permission: 'payment.manage' } },
    },
    async (request) => payments.expireUnpaid(request.params.id, actorOf(request)),
  );
}
