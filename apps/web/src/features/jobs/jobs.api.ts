import { http, type RequestOptions } from '@/app/http';
import type { JobStatus } from '@/shared/labels';
import type { PageQuery, Paged } from '../paged';

/** A durable background job (issue 2 item 9); progress is 0–100. */
export type Job = {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** Lists background jobs, newest first, for the admin 后台任务 page. */
export function findJobs(query: PageQuery, options?: RequestOptions) {
  return http.get<Paged<Job>>('/api/jobs', { ...options, query });
}

/** Reads one job's status and progress; JobProgress polls it. */
export function getJobById(id: string, options?: RequestOptions) {
  return http.get<Job>(`/api/jobs/${encodeURIComponent(id)}`, options);
}

/** True once a job will not change any more. */
export function isJobFinished(job: Pick<Job, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}
