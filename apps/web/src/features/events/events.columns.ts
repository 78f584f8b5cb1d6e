import type { EventSummary } from './events-admin.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of 招录事项; name (a link), type and status render through cell slots. */
export const eventColumns: PageTableColumn<EventSummary>[] = [
  { prop: 'code', label: '编号', width: 160 },
  { prop: 'name', label: '名称', minWidth: 220 },
  { prop: 'type', label: '类型', width: 110 },
  { prop: 'year', label: '年度', width: 80 },
  { prop: 'status', label: '状态', width: 110 },
  { prop: 'policyVersion', label: '政策版本', width: 90 },
  { prop: 'updatedAt', label: '更新时间', width: 160, format: (e) => formatDateTime(e.updatedAt) },
];
