import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_TYPE_LABELS,
  ROLE_LABELS,
  auditActionLabel,
  auditTargetTypeLabel,
  type AuditEntry,
  type StaffRole,
} from '@kaolu/contracts';
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
    format: (e) => auditActionLabel(e.action),
  },
  {
    prop: 'targetType',
    label: '对象',
    minWidth: 150,
    ellipsis: true,
    format: auditTargetText,
  },
  { prop: 'result', label: '结果', width: 76, align: 'center' },
  { prop: 'ip', label: 'IP 地址', width: 130, ellipsis: true },
];

/**
 * An entry's target as the auditor reads it (NFR-UX-1): 「后台用户 zhangsan」, the event's name, or
 * the type alone when the server knows no name; never the table name or a uuid.
 */
export function auditTargetText(e: Pick<AuditEntry, 'targetType' | 'targetName'>): string {
  if (!e.targetType) return '—';
  const type = auditTargetTypeLabel(e.targetType);
  return e.targetName ? `${type} ${e.targetName}` : type;
}

/** The actor's role in Chinese; roles are codes in the log (and may be absent). */
export function actorRoleLabel(role: string | null): string {
  if (!role) return '—';
  return ROLE_LABELS[role as StaffRole] ?? '其他角色';
}

/** The action filter's options: every catalogued action, sorted by its label. */
export const auditActionOptions = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

/** The target-type filter's options, one per label (两种招录事项 codes share 招录事项). */
export const auditTargetTypeOptions = Object.entries(AUDIT_TARGET_TYPE_LABELS)
  .filter(([value]) => value !== 'event')
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
