import {
  CandidateCompositeListSchema,
  CompositeComputeResultSchema,
  CompositePositionDetailSchema,
  CompositePositionPageSchema,
  CompositeSummarySchema,
  CompositeVersionListSchema,
  ExcelUploadSchema,
  IdParamSchema,
  InterviewScoreImportResultSchema,
  PageQuerySchema,
} from '@kaolu/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changeContextOf, principalOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { CompositeService } from './composite.service';

const tags = ['面试成绩与综合成绩'];
const PositionParams = IdParamSchema.extend({ positionId: z.uuid().meta({ title: '职位' }) });
const manage = { access: { permission: 'composite.manage' } } as const;
const read = { access: { permission: 'composite.read' } } as const;

// An .xlsx download with a Chinese file name (RFC 5987).
function sendXlsx(reply: FastifyReply, name: string, file: Buffer) {
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(file);
}

/**
 * Interview scores in and composites out (§7, IVW-08, INT-07): org staff import, compute and
 * publish (composite.manage); units read their own positions (composite.read, unit scope in the
 * service); candidates read their own composite once published.
 */
export function registerCompositeRoutes(app: ZodApp, composite: CompositeService): void {
  const base = '/api/admin/events/:id/composite';
  app.get(
    // The page header: counts and run state in the caller's scope (a unit sees its own figures).
    base,
    {
      schema: {
        tags,
        summary: '综合成绩概况（权重、人数、计算与公布状态）',
        params: IdParamSchema,
        response: { 200: CompositeSummarySchema },
      },
      config: read,
    },
    async (request) => composite.summary(request.params.id, request.principal),
  );
  app.get(
    // Server-paged positions: a national event has thousands (NFR-PERF-1).
    `${base}/positions`,
    {
      schema: {
        tags,
        summary: '各职位面试与综合成绩人数',
        params: IdParamSchema,
        querystring: PageQuerySchema,
        response: { 200: CompositePositionPageSchema },
      },
      config: read,
    },
    async (request) => composite.positions(request.params.id, request.query, request.principal),
  );
  app.get(
    // A unit user asking for another unit's position gets 404, never its figures.
    `${base}/positions/:positionId`,
    {
      schema: {
        tags,
        summary: '职位排名（综合成绩、面试成绩、笔试成绩依次排序）与体检名单',
        params: PositionParams,
        response: { 200: CompositePositionDetailSchema },
      },
      config: read,
    },
    async (request) =>
      composite.positionDetail(request.params.id, request.params.positionId, request.principal),
  );
  app.get(
    // composite.read, not manage: units export the rows of their own positions.
    `${base}/export`,
    { schema: { tags, summary: '导出综合成绩 Excel', params: IdParamSchema }, config: read },
    async (request, reply) => {
      const { code, file } = await composite.exportResults(request.params.id, request.principal);
      return sendXlsx(reply, `${code}-综合成绩.xlsx`, file);
    },
  );
  app.get(
    // NFR-HIS-1: the history of computations and publications of the event.
    `${base}/versions`,
    {
      schema: {
        tags,
        summary: '综合成绩计算与公布记录',
        params: IdParamSchema,
        response: { 200: CompositeVersionListSchema },
      },
      config: read,
    },
    async (request) => composite.versions(request.params.id, request.principal),
  );
  app.get(
    // The template lists the listed candidates, so staff fill in scores rather than type tickets.
    `${base}/template`,
    {
      schema: { tags, summary: '下载面试成绩导入模板（含进入面试的考生）', params: IdParamSchema },
      config: manage,
    },
    async (request, reply) => {
      const { code, file } = await composite.scoreTemplate(
        request.params.id,
        changeContextOf(request),
      );
      return sendXlsx(reply, `${code}-面试成绩导入模板.xlsx`, file);
    },
  );
  // Base64 of a large event's sheet exceeds Fastify's 1 MB default body limit.
  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: 'Excel 导入面试成绩（全部正确才导入）',
        params: IdParamSchema,
        body: ExcelUploadSchema,
        response: { 200: InterviewScoreImportResultSchema },
      },
      config: manage,
      bodyLimit: 40 * 1024 * 1024,
    },
    async (request) =>
      composite.importScores(request.params.id, request.body.fileBase64, changeContextOf(request)),
  );
  app.post(
    // No body: the computation reads everything it needs from the event's data.
    `${base}/compute`,
    {
      schema: {
        tags,
        summary: '计算综合成绩、排名与体检名单',
        params: IdParamSchema,
        response: { 200: CompositeComputeResultSchema },
      },
      config: manage,
    },
    async (request) => composite.compute(request.params.id, changeContextOf(request)),
  );
  app.post(
    // Publication is final: imports and recomputation are refused afterwards (service).
    `${base}/publish`,
    {
      schema: {
        tags,
        summary: '向考生公布综合成绩',
        params: IdParamSchema,
        response: { 200: CompositeComputeResultSchema },
      },
      config: manage,
    },
    async (request) => composite.publish(request.params.id, changeContextOf(request)),
  );
  // The candidate sees his own composite only, and only once published (§7).
  app.get(
    '/api/candidate/composite',
    {
      schema: {
        tags: ['综合成绩（考生）'],
        summary: '我的综合成绩（公布后可见）',
        response: { 200: CandidateCompositeListSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await composite.candidateResults(principalOf(request).id) }),
  );
}
