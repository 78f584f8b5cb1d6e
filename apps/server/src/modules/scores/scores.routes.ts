import {
  AdminScorePageSchema,
  AdminScoreQuerySchema,
  CandidateScoreListSchema,
  IdParamSchema,
  PassLineListSchema,
  PublishScoresResultSchema,
  ScoreImportResultSchema,
  ScoreImportSchema,
  SetPassLinesSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { assertEventInScope } from '../events';
import type { ScoresService } from './scores.service';
import { changeContextOf, principalOf } from '../../platform/auth/request-context';

export const SCORES_IMPORT_JOB = 'scores.import';
// Above this many base64 characters (roughly 10 000 rows) the import runs as a job with progress.
export const INLINE_IMPORT_CHARS = 1_500_000;

// The writes and the score list also check that the event lies in the permission's scope
// (assertEventInScope); the permission alone would open every event's scores.
const tags = ['笔试成绩'];

/** Exam-institute import, org_admin pass lines and publication, the candidate's own scores (ONL-02). */
export function registerScoreRoutes(
  app: ZodApp,
  deps: { scores: ScoresService; jobs: JobRunner },
): void {
  const { scores, jobs } = deps;
  app.post(
    '/api/admin/events/:id/scores/import',
    {
      schema: {
        tags,
        summary: '导入笔试成绩（Excel，全部正确才导入）',
        params: IdParamSchema,
        body: ScoreImportSchema,
        response: { 200: ScoreImportResultSchema },
      },
      config: { access: { permission: 'score.import' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'score.import', request.params.id);
      const ctx = changeContextOf(request);
      // A large file would hold the request past the 5 s budget (NFR-PERF-1): it becomes a job.
      if (request.body.background || request.body.fileBase64.length > INLINE_IMPORT_CHARS) {
        const job = await jobs.enqueue(
          SCORES_IMPORT_JOB,
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
        return { imported: 0, jobId: job.id };
      }
      return scores.importScores(request.params.id, request.body.fileBase64, ctx);
    },
  );
  app.get(
    '/api/admin/events/:id/scores',
    {
      schema: {
        tags,
        summary: '笔试成绩列表',
        params: IdParamSchema,
        querystring: AdminScoreQuerySchema,
        response: { 200: AdminScorePageSchema },
      },
      config: { access: { permission: 'score.read' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'score.read', request.params.id);
      return scores.adminScores(request.params.id, request.query);
    },
  );
  app.get(
    '/api/admin/events/:id/pass-lines',
    {
      schema: {
        tags,
        summary: '合格线',
        params: IdParamSchema,
        response: { 200: PassLineListSchema },
      },
      config: { access: { permission: 'score.read' } },
    },
    async (request) => scores.listPassLines(request.params.id),
  );
  app.put(
    '/api/admin/events/:id/pass-lines',
    {
      schema: {
        tags,
        summary: '设置合格线（按考试类别，司法医护按专业类别）',
        params: IdParamSchema,
        body: SetPassLinesSchema,
        response: { 200: PassLineListSchema },
      },
      config: { access: { permission: 'score.publish' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'score.publish', request.params.id);
      return scores.setPassLines(request.params.id, request.body.lines, changeContextOf(request));
    },
  );
  app.post(
    '/api/admin/events/:id/scores/publish',
    {
      schema: {
        tags,
        summary: '公布笔试成绩并通知考生',
        params: IdParamSchema,
        body: z.object({}).optional(),
        response: { 200: PublishScoresResultSchema },
      },
      config: { access: { permission: 'score.publish' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'score.publish', request.params.id);
      return scores.publish(request.params.id, changeContextOf(request));
    },
  );
  // The candidate sees his own scores only, and only once published (ONL-02).
  app.get(
    '/api/candidate/scores',
    {
      schema: {
        tags: ['笔试成绩（考生）'],
        summary: '我的笔试成绩（公布后可见）',
        response: { 200: CandidateScoreListSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await scores.candidateScores(principalOf(request).id) }),
  );
}
