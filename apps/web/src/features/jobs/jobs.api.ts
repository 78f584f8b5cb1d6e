import type { Job } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { PageQuery, Paged } from '../paged';

export type { Job };

/** Lists background jobs, newest first, for the admin 后台任务 page (NFR-REL-2 batch logs: imports and batch checks run as durable jobs). */
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

/** What to show about a job: its failure reason once failed, else its progress message. */
export function describeJob(job: Pick<Job, 'status' | 'message' | 'error'>): string | null {
  return job.status === 'failed' && job.error ? job.error : job.message;
}
