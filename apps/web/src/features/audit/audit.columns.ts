import { AUDIT_ACTION_LABELS, type AuditEntry } from '@kaolu/contracts';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the 审计日志 list; actor kind and result render through cell slots. */
// Columns and action names of the audit log (REG-08), shared by the table and the filter form.
export const auditColumns: PageTableColumn<AuditEntry>[] = [
  { prop: 'id', label: '序号', width: 80 },
  { prop: 'occurredAt', label: '时间', width: 142, format: (e) => formatDateTime(e.occurredAt) },
  { prop: 'actorKind', label: '操作人类型', width: 100, align: 'center' },
  {
    prop: 'actorName',
    label: '操作人',
    minWidth: 110,
    ellipsis: true,
    format: (e) => e.actorName ?? e.actorId ?? '—',
  },
  {
    prop: 'action',
    label: '操作',
    minWidth: 150,
    ellipsis: true,
    format: (e) => AUDIT_ACTION_LABELS[e.action] ?? e.action,
  },
  {
    prop: 'targetType',
    label: '对象',
    minWidth: 150,
    ellipsis: true,
    format: (e) => (e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'),
  },
  { prop: 'result', label: '结果', width: 76, align: 'center' },
  { prop: 'ip', label: 'IP 地址', width: 130, ellipsis: true },
];

/** The action filter's options: every catalogued action, sorted by its label. */
export const auditActionOptions = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label: `${label}（${value}）` }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
