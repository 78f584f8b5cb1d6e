import { JOB_KIND_LABELS } from '@kaolu/contracts';
import { describeJob, type Job } from '@/features/jobs/jobs.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the admin 后台任务 list; status and progress render through cell slots. */
export const jobColumns: PageTableColumn<Job>[] = [
  // Fixed widths for states and times; minWidth for the texts that may grow. The job's id is no
  // column (a uuid, NFR-UX-1): the type, times and progress tell the jobs apart.
  {
    prop: 'kind',
    label: '任务类型',
    minWidth: 130,
    ellipsis: true,
    format: (job) => jobKindLabel(job.kind),
  },
  { prop: 'status', label: '状态', width: 84, align: 'center' },
  { prop: 'progress', label: '进度', minWidth: 160 },
  {
    prop: 'message',
    label: '说明',
    minWidth: 150,
    ellipsis: true,
    format: (job) => describeJob(job) ?? '—',
  },
  {
    prop: 'createdAt',
    label: '创建时间',
    width: 142,
    format: (job) => formatDateTime(job.createdAt),
  },
  {
    prop: 'finishedAt',
    label: '结束时间',
    width: 142,
    format: (job) => formatDateTime(job.finishedAt),
  },
];

/** A job kind's Chinese name; kinds not catalogued yet never show their code. */
export function jobKindLabel(kind: string): string {
  return JOB_KIND_LABELS[kind] ?? '其他任务';
}
