import {
  ComputeListsResultSchema,
  IdParamSchema,
  ListActionResultSchema,
  ListActionSchema,
  ListFiguresPageSchema,
  ListFiguresQuerySchema,
  ListVersionListSchema,
  ListVersionSchema,
  PositionListSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { InterviewListsService } from './interview-lists.service';
import { registerPhysicalTestRoutes } from './physical-test.routes';
import { registerPublicListRoutes } from './interview-lists.public.routes';

const tags = ['面试名单'];
// Two ids in the path: the event first, so the event scope is checked before the position is read.
const PositionParams = z.object({
  id: z.uuid().meta({ title: '招录事项' }),
  positionId: z.uuid().meta({ title: '职位' }),
});
const VersionParams = z.object({
  id: z.uuid().meta({ title: '招录事项' }),
  versionId: z.uuid().meta({ title: '版本' }),
});
// The content type of .xlsx answers, as the other Excel exports send it.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every route of the module: staff lists here, 体测 and the candidate / public views beside. */
export function registerInterviewListsModule(
  app: ZodApp,
  deps: { lists: InterviewListsService; jobs: JobRunner },
): void {
  registerInterviewListRoutes(app, deps.lists);
  registerPhysicalTestRoutes(app, deps);
  registerPublicListRoutes(app, deps.lists);
}

/**
 * The staff routes (INT-02, §7, NFR-HIS-1): units read their own positions' lists
 * (interview_list.read, scoped like review); the org department computes, confirms and publishes.
 * The services check the event scope and the unit scope of each row.
 */
export function registerInterviewListRoutes(app: ZodApp, lists: InterviewListsService): void {
  app.post(
    '/api/admin/events/:id/interview-lists/compute',
    {
      schema: {
        tags,
        summary: '计算面试名单（按比例，末位同分全部进入）',
        params: IdParamSchema,
        response: { 200: ComputeListsResultSchema },
      },
      config: { access: { permission: 'interview_list.manage' } },
    },
    async (request) => lists.computeLists(request.params.id, changeContextOf(request)),
  );
  // Units and the org read the same route: the scope condition, not the route, narrows the rows.
  app.get(
    '/api/admin/events/:id/interview-lists',
    {
      schema: {
        tags,
        summary: '各职位面试名单数据（分页，可按职位代码或单位查询）',
        params: IdParamSchema,
        querystring: ListFiguresQuerySchema,
        response: { 200: ListFiguresPageSchema },
      },
      config: { access: { permission: 'interview_list.read' } },
    },
    async (request) => lists.views.figures(request.params.id, request.principal, request.query),
  );
  // Drill-down from a figures row: every applicant of the position with the reason of his outcome.
  app.get(
    '/api/admin/events/:id/interview-lists/positions/:positionId',
    {
      schema: {
        tags,
        summary: '一个职位的面试名单（名次、笔试成绩、状态、说明）',
        params: PositionParams,
        response: { 200: PositionListSchema },
      },
      config: { access: { permission: 'interview_list.read' } },
    },
    async (request) =>
      lists.views.positionList(request.params.id, request.params.positionId, request.principal),
  );
  // Confirm and publish share their body (no ids = the whole event) and their answer; the service
  // refuses a position in the wrong state with 409 and changes nothing.
  for (const [action, summary] of [
    ['confirm', '确认面试名单（全部或指定职位）'],
    ['publish', '发布面试名单（须已确认，保存历史版本）'],
  ] as const) {
    app.post(
      `/api/admin/events/:id/interview-lists/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParamSchema,
          body: ListActionSchema,
          response: { 200: ListActionResultSchema },
        },
        config: { access: { permission: 'interview_list.manage' } },
      },
      async (request) => {
        const ctx = changeContextOf(request);
        const ids = request.body.positionIds;
        return action === 'confirm'
          ? lists.confirm(request.params.id, ids, ctx)
          : lists.publish(request.params.id, ids, ctx);
      },
    );
  }
  // A file answer, not JSON: no response schema; the file name carries the event code (and position).
  app.get(
    '/api/admin/events/:id/interview-lists/export',
    {
      schema: {
        tags,
        summary: '导出面试名单 Excel（一个职位或整个招录事项）',
        params: IdParamSchema,
        querystring: z.object({ positionId: z.uuid().optional().meta({ title: '职位' }) }),
      },
      config: { access: { permission: 'interview_list.read' } },
    },
    async (request, reply) => {
      const { fileName, file } = await lists.exportLists(
        request.params.id,
        request.query.positionId,
        request.principal,
      );
      reply.header('content-type', XLSX);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      return reply.send(file);
    },
  );
  // History (NFR-HIS-1): the list of kept versions, then one version with its positions.
  app.get(
    '/api/admin/events/:id/interview-lists/versions',
    {
      schema: {
        tags,
        summary: '面试名单历史版本',
        params: IdParamSchema,
        response: { 200: ListVersionListSchema },
      },
      config: { access: { permission: 'interview_list.read' } },
    },
    async (request) => lists.views.versions(request.params.id, request.principal),
  );
  app.get(
    '/api/admin/events/:id/interview-lists/versions/:versionId',
    {
      schema: {
        tags,
        summary: '查看一个面试名单历史版本',
        params: VersionParams,
        response: { 200: ListVersionSchema },
      },
      config: { access: { permission: 'interview_list.read' } },
    },
    async (request) =>
      lists.views.version(request.params.id, request.params.versionId, request.principal),
  );
}
