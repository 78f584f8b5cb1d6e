import { POSITION_CATEGORY_LABELS } from '@kaolu/contracts';
import type { PublicPosition } from '@/features/positions/positions.api';
import { labelOf } from '@/shared/labels';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the candidate position search (职位查询). */
// Fixed widths for codes and numbers, minWidth for names that vary, so a desk table fills the
// width without cutting the unit name. The conditions (学历, 专业, 户籍) are long text and are
// read on the position's detail page, not squeezed into columns.
export const positionColumns: PageTableColumn<PublicPosition>[] = [
  { prop: 'code', label: '职位代码', width: 120 },
  { prop: 'title', label: '职位名称', minWidth: 160 },
  { prop: 'unitName', label: '招录单位', minWidth: 200 },
  {
    prop: 'category',
    label: '职位类别',
    width: 140,
    format: (row) => labelOf(POSITION_CATEGORY_LABELS, row.category),
  },
  { prop: 'headcount', label: '招录人数', width: 100, align: 'center' },
];
