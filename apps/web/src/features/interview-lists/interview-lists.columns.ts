import {
  INTERVIEW_LIST_STATUS_LABELS,
  LIST_ENTRY_STATUS_LABELS,
  LIST_ROUND_LABELS,
  type ListEntryView,
} from '@kaolu/contracts';
import type { PageTableColumn } from '@/shared/page-table';
import type { ListFigure } from './interview-lists.api';

/** Columns of the per-position figures (INT-02, §7): quota from headcount × ratio, line, shortfall. */
export const figureColumns: PageTableColumn<ListFigure>[] = [
  { prop: 'positionCode', label: '职位代码', width: 100 },
  { prop: 'positionTitle', label: '职位名称', minWidth: 140, ellipsis: true },
  { prop: 'unitName', label: '招录单位', minWidth: 140, ellipsis: true },
  { prop: 'headcount', label: '招录人数', width: 80, align: 'right' },
  { prop: 'ratio', label: '面试比例', width: 80 },
  { prop: 'quota', label: '面试名额', width: 80, align: 'right' },
  { prop: 'passLine', label: '合格线', width: 80 },
  { prop: 'line', label: '入围最低分', width: 96 },
  { prop: 'listed', label: '进入面试', width: 80, align: 'right' },
  // Ties at the cut all enter (§7): the excess is shown so nobody takes it for an error.
  { prop: 'tiedBeyondQuota', label: '同分超出', width: 80, align: 'right' },
  { prop: 'shortfall', label: '缺额', width: 64, align: 'right' },
  {
    prop: 'status',
    label: '状态',
    width: 80,
    format: (r) => INTERVIEW_LIST_STATUS_LABELS[r.status],
  },
];

/** Columns of one position's entries: ticket number and masked name, never an id. */
export const entryColumns: PageTableColumn<ListEntryView>[] = [
  { prop: 'ticketNumber', label: '准考证号', width: 120 },
  { prop: 'candidateName', label: '姓名', width: 80 },
  { prop: 'rank', label: '名次', width: 64, align: 'right' },
  { prop: 'writtenTotal', label: '笔试成绩', width: 90 },
  { prop: 'status', label: '状态', width: 96, format: (r) => LIST_ENTRY_STATUS_LABELS[r.status] },
  { prop: 'round', label: '轮次', width: 80, format: (r) => LIST_ROUND_LABELS[r.round] },
  { prop: 'reason', label: '说明', minWidth: 200, ellipsis: true },
];
