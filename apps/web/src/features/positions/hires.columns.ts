import type { AdminPosition } from './positions-admin.api';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of 录用人数 (INT-08): the vacancy is what the second round opens (headcount − hired). */
export const hireColumns: PageTableColumn<AdminPosition>[] = [
  { prop: 'unitName', label: '招录单位', minWidth: 180 },
  { prop: 'code', label: '职位代码', width: 110 },
  { prop: 'title', label: '职位名称', minWidth: 150 },
  { prop: 'headcount', label: '招录人数', width: 90 },
  { prop: 'hired', label: '录用人数', width: 90 },
  // The vacancy is derived, not stored: the column borrows `id` as its key and formats the row.
  { prop: 'id', label: '空缺', width: 70, format: (p) => String(p.headcount - p.hired) },
];
