import type { ReviewQueue } from './review.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

type QueueRow = ReviewQueue['items'][number];

/** Columns of the 资格审查 queue; status and the SLA mark render as tags through cell slots. */
export const reviewQueueColumns: PageTableColumn<QueueRow>[] = [
  { prop: 'candidateName', label: '姓名', width: 100 },
  // Masked (NFR-SEC-3): the queue identifies people by name and position, not by ID number.
  { prop: 'idNumberMasked', label: '身份证号', width: 190 },
  {
    prop: 'positionCode',
    label: '职位',
    minWidth: 180,
    format: (r) => `${r.positionCode} ${r.positionTitle}`,
  },
  { prop: 'unitName', label: '单位', minWidth: 160 },
  { prop: 'status', label: '状态', width: 110 },
  {
    prop: 'submittedAt',
    label: '提交时间',
    width: 170,
    format: (r) => formatDateTime(r.submittedAt),
  },
  // The wait against the event's review deadline (24 h / 48 h by default), as a tag in its slot.
  { prop: 'sla', label: '时限', width: 140 },
];
