import {
  BulkApproveResultSchema,
  BulkApproveSchema,
  EducationCheckSchema,
  FileDispositionQuerySchema,
  IdParamSchema,
  ReviewAttachmentParamsSchema,
  ReviewDecisionSchema,
  ReviewDetailSchema,
  ReviewQueueQuerySchema,
  ReviewQueueSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { sendStoredFile } from '../../platform/files';
import type { ZodApp } from '../../platform/http/types';
import type { ReviewService } from './review.service';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['资格审查'];
// Staff routes only; the permission's scope (unit, department, event) is applied in the service.
const review = { access: { permission: 'application.review' as const } };

/** Unit review routes: queue, overdue list (org_admin), detail, attachment download, education check, outcomes, bulk approve. */
export function registerReviewRoutes(app: ZodApp, service: ReviewService): void {
  app.get(
    '/api/admin/reviews',
    {
      schema: {
        tags,
        summary: '资格审查队列（本单位，最早提交在前）',
        querystring: ReviewQueueQuerySchema,
        response: { 200: ReviewQueueSchema },
      },
      config: review,
    },
    async (request) => service.queue(request.principal, request.query),
  );
  app.get(
    '/api/admin/reviews/overdue',
    {
      schema: {
        tags,
        summary: '各单位超过审核时限（按事项政策，默认48小时）未审核的报名',
        querystring: ReviewQueueQuerySchema.omit({ sla: true }),
        response: { 200: ReviewQueueSchema },
      },
      config: { access: { permission: 'application.overdue' } },
    },
    // org_admin's watch over every unit: the same queue, forced to the overdue mark, in his scope.
    async (request) =>
      service.queue(request.principal, { ...request.query, sla: 'overdue' }, 'application.overdue'),
  );
  app.post(
    '/api/admin/reviews/bulk-approve',
    {
      schema: {
        tags,
        summary: '批量通过（须确认）',
        body: BulkApproveSchema,
        response: { 200: BulkApproveResultSchema },
      },
      config: review,
    },
    async (request) =>
      service.bulkApprove(request.principal, request.body.ids, changeContextOf(request)),
  );
  app.get(
    '/api/admin/reviews/:id',
    {
      schema: {
        tags,
        summary: '报名详情（冻结档案、附件、自动核验、学历认证）',
        params: IdParamSchema,
        response: { 200: ReviewDetailSchema },
      },
      config: review,
    },
    async (request) => service.detail(request.principal, request.params.id),
  );
  app.get(
    '/api/admin/reviews/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: '下载或预览考生提交的附件材料（记录审计）',
        params: ReviewAttachmentParamsSchema,
        querystring: FileDispositionQuerySchema,
      },
      config: review,
    },
    async (request, reply) => {
      const { info, bytes } = await service.downloadAttachment(
        request.principal,
        request.params.id,
        request.params.fileId,
        changeContextOf(request),
      );
      return sendStoredFile(reply, info, bytes, request.query.disposition);
    },
  );
  app.post(
    '/api/admin/reviews/:id/education-check',
    {
      schema: {
        tags,
        summary: '学信学历查询并比对',
        params: IdParamSchema,
        body: z.object({}).optional(),
        response: { 200: EducationCheckSchema },
      },
      config: review,
    },
    async (request) =>
      service.checkEducation(request.principal, request.params.id, changeContextOf(request)),
  );
  app.post(
    '/api/admin/reviews/:id/decision',
    {
      schema: {
        tags,
        summary: '审核：通过 / 不通过 / 退回补充',
        params: IdParamSchema,
        body: ReviewDecisionSchema,
        response: { 200: ReviewDetailSchema },
      },
      config: review,
    },
    async (request) =>
      service.decide(request.principal, request.params.id, request.body, changeContextOf(request)),
  );
}
