import {
  ExcelUploadSchema,
  ExportQuerySchema,
  IdParamSchema,
  ImportResultSchema,
  PsychResultsQuerySchema,
  PsychResultsSchema,
  ReportEventListSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import { psychTemplate } from '../interviews';
import type { ExportsService } from './exports.service';

// One tag in the API docs for the exports and the psych results.
const tags = ['面试导出'];
const manage = { access: { permission: 'interview.manage' as const } };
// The two file types a download answers with.
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** Export (INT-09b) and psych-test results (INT-09c) routes of the interview portal. */
export function registerExportRoutes(app: ZodApp, exports: ExportsService): void {
  // The export page's event picker: events the caller's interview.manage grant reaches.
  app.get(
    '/api/interview/reports/events',
    {
      schema: { tags, summary: '可导出的面试事项', response: { 200: ReportEventListSchema } },
      config: manage,
    },
    async (request) => exports.events(request.principal),
  );

  // Chinese file names travel RFC 5987-encoded; nothing is cached (the file names candidates).
  app.get(
    '/api/interview/reports/events/:id/export',
    {
      schema: {
        tags,
        summary: '导出一人一表 / 成绩汇总 / 考官评分明细（Excel 或 PDF）',
        params: IdParamSchema,
        querystring: ExportQuerySchema,
      },
      config: manage,
    },
    async (request, reply) => {
      const { fileName, body } = await exports.exportFile(
        request.params.id,
        request.query,
        changeContextOf(request),
      );
      return reply
        .type(MIME[request.query.file])
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  // The same template for every event: ticket number and the named result fields.
  app.get(
    '/api/interview/reports/psych-template',
    { schema: { tags, summary: '下载心理测评结果导入模板' }, config: manage },
    async (_request, reply) =>
      reply
        .type(MIME.xlsx)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('心理测评结果导入模板.xlsx')}`,
        )
        .send(await psychTemplate()),
  );

  // Inline: an event's psych sheet holds hundreds of rows; the answer is the count or every problem.
  app.post(
    '/api/interview/reports/events/:id/psych-results',
    {
      schema: {
        tags,
        summary: '导入心理测评结果（全部成功或全部不导入）',
        params: IdParamSchema,
        body: ExcelUploadSchema,
        response: { 200: ImportResultSchema },
      },
      config: manage,
    },
    async (request) =>
      exports.importPsych(request.params.id, request.body.fileBase64, changeContextOf(request)),
  );

  app.get(
    '/api/interview/reports/events/:id/psych-results',
    {
      schema: {
        tags,
        summary: '本页考生的心理测评结果',
        params: IdParamSchema,
        querystring: PsychResultsQuerySchema,
        response: { 200: PsychResultsSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    // Ids that are not UUIDs are dropped rather than refused: the list is a page's rows.
    async (request) => {
      const ids = request.query.ids.split(',').filter((id) => z.uuid().safeParse(id).success);
      return exports.psych(request.params.id, ids, request.principal);
    },
  );
}
