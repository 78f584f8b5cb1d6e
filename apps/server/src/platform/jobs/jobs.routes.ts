import {
  IdParamSchema,
  JobPageSchema,
  JobSchema,
  PageQuerySchema,
  type Job,
} from '@kaolu/contracts';
import { AppError } from '../errors/app-error';
import { isoOrNull, type ZodApp } from '../http/types';
import type { JobRow, JobRunner } from './job-runner';

/** Staff read jobs to follow long imports and computations (progress bar in the admin portal). */
export function registerJobRoutes(app: ZodApp, jobs: JobRunner): void {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['后台任务'],
        summary: '后台任务列表',
        querystring: PageQuerySchema,
        response: { 200: JobPageSchema },
      },
      config: { access: { permission: 'job.read' } },
    },
    async (request) => {
      const { items, total } = await jobs.listJobs(request.query.page, request.query.pageSize);
      return { items: items.map(presentJob), total };
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['后台任务'],
        summary: '后台任务进度',
        params: IdParamSchema,
        response: { 200: JobSchema },
      },
      config: { access: { permission: 'job.read' } },
    },
    async (request) => {
      const row = await jobs.getJob(request.params.id);
      if (!row) throw new AppError('JOB.NOT_FOUND');
      return presentJob(row);
    },
  );
}

/** Job row → API shape; payloads stay server-side (they may name people). */
export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    message: row.message,
    attempts: row.attempts,
    error: row.error,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}
