import type { PageTableColumn } from '@/shared/page-table';
import type { CompositePosition } from './composite.api';

/**
 * Columns of the positions on the interview lists with their figures (§7): listed, scored,
 * passed the interview, entered the physical exam; 专业分 per the position's category (INT-07).
 */
export const compositePositionColumns: PageTableColumn<CompositePosition>[] = [
  { prop: 'positionCode', label: '职位代码', width: 110 },
  { prop: 'positionTitle', label: '职位名称', minWidth: 160, ellipsis: true },
  { prop: 'unitName', label: '招录单位', minWidth: 140, ellipsis: true },
  { prop: 'examCategoryName', label: '考试类别', width: 110 },
  {
    prop: 'professionalScore',
    label: '专业分',
    width: 80,
    format: (r) => (r.professionalScore ? '设' : '不设'),
  },
  { prop: 'headcount', label: '招录人数', width: 90, align: 'right' },
  { prop: 'listed', label: '进入面试', width: 90, align: 'right' },
  { prop: 'scored', label: '已有成绩', width: 90, align: 'right' },
  { prop: 'passed', label: '面试合格', width: 90, align: 'right' },
  { prop: 'physicalExam', label: '进入体检', width: 90, align: 'right' },
];

/** A score for the tables: '缺考' when absent, '—' when not in yet or not applicable. */
export function scoreText(value: string | null, absent: boolean): string {
  if (absent) return '缺考';
  return value ?? '—';
}
