import {
  IdParamSchema,
  PhysicalTestImportResultSchema,
  PhysicalTestImportSchema,
  PhysicalTestSummarySchema,
} from '@kaolu/contracts';
import { assertEventInScope } from '../events';
import { changeContextOf, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { writeSheet } from '../../platform/excel/excel-cells';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { InterviewListsService } from './interview-lists.service';
import { PHYSICAL_TEST_HEADERS } from './physical-test-sheet';

export const PHYSICAL_TEST_IMPORT_JOB = 'interview_lists.physical_test_import';
// Above this many base64 characters (roughly 10 000 rows) the import runs as a job with progress,
// as the score import does (NFR-PERF-1: a request stays within its 5 s budget).
export const INLINE_IMPORT_CHARS = 1_500_000;
const tags = ['面试名单'];

// The job carries the change context so the audit entry names the person who uploaded the file.
type ImportPayload = { eventId: string; fileBase64: string; ctx: ChangeContext };

/** 体测 (INT-02): template, summary and the import (inline, or as a job for a big file). */
export function registerPhysicalTestRoutes(
  app: ZodApp,
  deps: { lists: InterviewListsService; jobs: JobRunner },
): void {
  const { lists, jobs } = deps;
  jobs.register<ImportPayload>(PHYSICAL_TEST_IMPORT_JOB, async ({ payload, reportProgress }) => {
    await reportProgress(10, '正在校验体测结果');
    try {
      const result = await lists.importPhysicalTests(
        payload.eventId,
        payload.fileBase64,
        payload.ctx,
        reportProgress,
      );
      await reportProgress(100, `已导入 ${result.imported} 条体测结果`);
      return result;
    } catch (error) {
      // A bad file is a report for the person to read, not a failure to retry.
      if (error instanceof AppError && error.code === 'IMPORT.ROWS_INVALID')
        return { imported: 0, problems: (error.details as { problems: unknown }).problems };
      throw error;
    }
  });

  app.get(
    '/api/admin/interview-lists/physical-test-template',
    {
      schema: { tags, summary: '下载体测结果导入模板' },
      config: { access: { permission: 'interview_list.manage' } },
    },
    async (_request, reply) => {
      const file = await writeSheet('体测结果', PHYSICAL_TEST_HEADERS, []);
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('体测结果导入模板.xlsx')}`,
      );
      return reply.send(file);
    },
  );
  app.get(
    '/api/admin/events/:id/physical-tests',
    {
      schema: {
        tags,
        summary: '体测设置与导入情况',
        params: IdParamSchema,
        response: { 200: PhysicalTestSummarySchema },
      },
      config: { access: { permission: 'interview_list.manage' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'interview_list.manage', request.params.id);
      return lists.physicalTestSummary(request.params.id);
    },
  );
  app.post(
    '/api/admin/events/:id/physical-tests/import',
    {
      schema: {
        tags,
        summary: '导入体测结果（Excel，全部正确才导入，不合格者退出面试名单）',
        params: IdParamSchema,
        body: PhysicalTestImportSchema,
        response: { 200: PhysicalTestImportResultSchema },
      },
      config: { access: { permission: 'interview_list.manage' } },
    },
    async (request) => {
      // Checked here: the queued job has no principal, only the actor for its audit entry.
      assertEventInScope(request.principal, 'interview_list.manage', request.params.id);
      const ctx = changeContextOf(request);
      if (request.body.background || request.body.fileBase64.length > INLINE_IMPORT_CHARS) {
        const job = await jobs.enqueue(
          PHYSICAL_TEST_IMPORT_JOB,
          {
            eventId: request.params.id,
            fileBase64: request.body.fileBase64,
            ctx: { actor: ctx.actor, ip: ctx.ip, requestId: ctx.requestId },
          },
          // One attempt: a file with bad rows stays bad, and a retry would only repeat the report.
          {
            maxAttempts: 1,
            createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : undefined,
          },
        );
        return { imported: 0, failed: 0, dropped: 0, jobId: job.id };
      }
      return lists.importPhysicalTests(request.params.id, request.body.fileBase64, ctx);
    },
  );
}
