import { describeJob, type Job } from '@/features/jobs/jobs.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the admin 后台任务 list; status and progress render through cell slots. */
export const jobColumns: PageTableColumn<Job>[] = [
  // Fixed widths for ids, states and times; minWidth for the texts that may grow.
  { prop: 'id', label: '任务号', width: 90, ellipsis: true },
  { prop: 'kind', label: '任务类型', minWidth: 130, ellipsis: true },
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
