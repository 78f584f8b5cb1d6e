import { POSITION_CATEGORY_LABELS } from '@kaolu/contracts';
import type { AdminPosition } from './positions-admin.api';
import { labelOf } from '@/shared/labels';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of 职位填报 (one unit's positions in one event); the status renders as a tag. */
export const unitPositionColumns: PageTableColumn<AdminPosition>[] = [
  { prop: 'code', label: '职位代码', width: 110 },
  { prop: 'title', label: '职位名称', minWidth: 160 },
  {
    prop: 'category',
    label: '类别',
    width: 120,
    format: (p) => labelOf(POSITION_CATEGORY_LABELS, p.category),
  },
  { prop: 'headcount', label: '人数', width: 70 },
  // Rendered by the page's #cell-status slot as an EnumTag; the prop only names the column.
  { prop: 'status', label: '状态', width: 100 },
];
