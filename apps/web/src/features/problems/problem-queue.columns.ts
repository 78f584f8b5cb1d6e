import { PROBLEM_ROLE_LABELS, PROBLEM_TYPE_LABELS } from '@kaolu/contracts';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';
import type { StaffProblemRow } from './problems.api';

/** Columns of the problem queue (ONL-01b); status and the overdue mark render through slots. */
export const problemQueueColumns: PageTableColumn<StaffProblemRow>[] = [
  { prop: 'caseNumber', label: '问题编号', width: 170 },
  { prop: 'type', label: '类型', width: 170, format: (r) => PROBLEM_TYPE_LABELS[r.type] },
  { prop: 'title', label: '标题', minWidth: 180, ellipsis: true },
  // Masked candidate name (NFR-SEC-3): the queue works by case number.
  { prop: 'candidateNameMasked', label: '考生', width: 90 },
  { prop: 'status', label: '状态', width: 110, align: 'center' },
  {
    prop: 'responsibleRole',
    label: '负责部门',
    width: 110,
    format: (r) => PROBLEM_ROLE_LABELS[r.responsibleRole],
  },
  { prop: 'assigneeName', label: '处理人', width: 110, format: (r) => r.assigneeName ?? '未认领' },
  {
    prop: 'submittedAt',
    label: '提交时间',
    width: 142,
    format: (r) => formatDateTime(r.submittedAt),
  },
  // Rendered by a slot: the deadline with its overdue mark (SLA per type, ONL-01).
  { prop: 'dueAt', label: '答复期限', width: 150 },
];
