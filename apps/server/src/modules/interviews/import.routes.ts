import {
  ExcelUploadSchema,
  IdParamSchema,
  ImportResultSchema,
  InterviewBrochurePageSchema,
  InterviewCandidatePageSchema,
  InterviewExaminerPageSchema,
  InterviewImportKindSchema,
  InterviewPositionPageSchema,
  InterviewSearchSchema,
} from '@kaolu/contracts';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import { TEMPLATE_NAMES, templateOf } from './import-sheets';
import type { createInterviewImports } from './import.service';
import type { createSetupBrowse } from './setup-browse.service';

// The four sheets share one route shape; the kind picks the template and the row checks.
const KindParams = IdParamSchema.extend({
  kind: InterviewImportKindSchema.meta({ title: '导入类型' }),
});
// Browsing is event-wide reading: a venue-narrowed grant does not list the whole event.
const read = { access: { permission: 'interview.read' as const } };

/** Import (IVW-02) and browse (IVW-03) routes of an interview event. */
export function registerImportRoutes(
  app: ZodApp,
  deps: {
    imports: ReturnType<typeof createInterviewImports>;
    browse: ReturnType<typeof createSetupBrowse>;
  },
): void {
  const { imports, browse } = deps;
  const tags = ['面试导入与查询'];
  // The template is the same for every event; interview.manage because only importers need it.
  app.get(
    '/api/interview/import-templates/:kind',
    {
      schema: { tags, summary: '下载导入模板', params: KindParams.pick({ kind: true }) },
      config: { access: { permission: 'interview.manage' } },
    },
    // The file name is Chinese, so it travels RFC 5987-encoded.
    async (request, reply) => {
      const { kind } = request.params;
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${TEMPLATE_NAMES[kind]}.xlsx`)}`,
      );
      return reply.send(await templateOf(kind));
    },
  );
  // Inline and synchronous: an interview event's sheets hold hundreds of rows, not tens of
  // thousands, so no job is needed; the answer is the count or every problem by row.
  app.post(
    '/api/interview/events/:id/imports/:kind',
    {
      schema: {
        tags,
        summary: '导入考生、职位、考官或心理测评信息（全部成功或全部不导入）',
        params: KindParams,
        body: ExcelUploadSchema,
        response: { 200: ImportResultSchema },
      },
      config: { access: { permission: 'interview.manage' } },
    },
    async (request) =>
      imports.importSheet(
        request.params.id,
        request.params.kind,
        request.body.fileBase64,
        changeContextOf(request),
      ),
  );
  // The listed candidates of the linked recruitment event (INT-02), with their ticket numbers.
  app.post(
    '/api/interview/events/:id/import-interview-lists',
    {
      schema: {
        tags,
        summary: '从关联招录事项已发布的面试名单导入考生',
        params: IdParamSchema,
        response: { 200: ImportResultSchema },
      },
      config: { access: { permission: 'interview.manage' } },
    },
    async (request) => imports.importFromLists(request.params.id, changeContextOf(request)),
  );
  // One GET per browse list; every one masks names and ID numbers in the service (NFR-SEC-3).
  const lists = [
    ['candidates', '考生（姓名、身份证号已脱敏）', InterviewCandidatePageSchema],
    ['positions', '面试职位', InterviewPositionPageSchema],
    ['examiners', '考官（姓名已脱敏）', InterviewExaminerPageSchema],
    ['brochure', '关联招录事项的招考简章职位', InterviewBrochurePageSchema],
  ] as const;
  // Registered in a loop: the four lists differ only in path, summary and row schema.
  for (const [name, summary, schema] of lists)
    app.get(
      `/api/interview/events/:id/${name}`,
      {
        schema: {
          tags,
          summary,
          params: IdParamSchema,
          querystring: InterviewSearchSchema,
          response: { 200: schema },
        },
        config: read,
      },
      async (request) => browse[name](request.params.id, request.query, request.principal),
    );
}
