import {
  AdjustmentDecisionSchema,
  AdjustmentReviewItemSchema,
  AdjustmentReviewListSchema,
  AdjustmentReviewQuerySchema,
  ApplyAdjustmentSchema,
  CandidateAdjustmentViewSchema,
  IdParamSchema,
  MyAdjustmentApplicationSchema,
  WithdrawAdjustmentSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf, principalOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { AdjustmentService } from './adjustment.service';

const tags = ['调剂'];

/** The candidate's routes (apply, change, withdraw, view) and the unit's review routes (§7). */
export function registerAdjustmentApplyRoutes(app: ZodApp, adjustment: AdjustmentService): void {
  // Every event of the candidate with published adjustment positions, each open or with its reason.
  app.get(
    '/api/candidate/adjustment',
    {
      schema: {
        tags,
        summary: '我的调剂：可申请的调剂职位及原因、我的申请',
        response: { 200: CandidateAdjustmentViewSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => adjustment.view(principalOf(request).id),
  );
  // Applying again with another position is the change (§7: one position at a time).
  app.post(
    '/api/candidate/adjustment/applications',
    {
      schema: {
        tags,
        summary: '申请或更改调剂职位（单位同意前可更改）',
        body: ApplyAdjustmentSchema,
        response: { 200: MyAdjustmentApplicationSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      adjustment.apply(principalOf(request).id, request.body, changeContextOf(request)),
  );
  // Withdrawing frees the candidate to apply elsewhere; an approved application cannot be withdrawn.
  app.post(
    '/api/candidate/adjustment/applications/withdraw',
    {
      schema: {
        tags,
        summary: '撤回调剂申请（单位同意前）',
        body: WithdrawAdjustmentSchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: { access: 'candidate' },
    },
    async (request) => {
      await adjustment.withdraw(
        principalOf(request).id,
        request.body.eventId,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );
  // The unit's queue: scoped in SQL to the units of the caller's grant, paged on the server.
  app.get(
    '/api/admin/adjustment/applications',
    {
      schema: {
        tags,
        summary: '调剂申请审核列表（本单位职位）',
        querystring: AdjustmentReviewQuerySchema,
        response: { 200: AdjustmentReviewListSchema },
      },
      config: { access: { permission: 'adjustment.review' } },
    },
    async (request) => adjustment.queue(request.principal, request.query),
  );
  // An application outside the caller's units answers 404, so its existence is not disclosed.
  app.post(
    '/api/admin/adjustment/applications/:id/decision',
    {
      schema: {
        tags,
        summary: '审核调剂申请（同意 / 不同意并说明理由）',
        params: IdParamSchema,
        body: AdjustmentDecisionSchema,
        response: { 200: AdjustmentReviewItemSchema },
      },
      config: { access: { permission: 'adjustment.review' } },
    },
    async (request) => adjustment.decide(request.params.id, request.body, changeContextOf(request)),
  );
}
