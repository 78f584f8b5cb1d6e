import type { AdjustmentReviewItem } from './adjustment.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the unit's 调剂申请审核 queue (§7); the status renders as a tag in its slot. */
export const adjustmentReviewColumns: PageTableColumn<AdjustmentReviewItem>[] = [
  // Ticket number and masked name identify the candidate (NFR-SEC-3), as on published lists.
  { prop: 'ticketNumber', label: '准考证号', width: 120 },
  { prop: 'nameMasked', label: '姓名', width: 90 },
  {
    prop: 'positionCode',
    label: '调剂职位',
    minWidth: 180,
    format: (r) => `${r.positionCode} ${r.positionTitle}`,
  },
  { prop: 'eventName', label: '招录事项', minWidth: 180, ellipsis: true },
  { prop: 'writtenTotal', label: '笔试成绩', width: 90, format: (r) => r.writtenTotal ?? '—' },
  { prop: 'status', label: '状态', width: 120 },
  { prop: 'reason', label: '说明', minWidth: 160, ellipsis: true, format: (r) => r.reason ?? '' },
  { prop: 'updatedAt', label: '更新时间', width: 170, format: (r) => formatDateTime(r.updatedAt) },
];
