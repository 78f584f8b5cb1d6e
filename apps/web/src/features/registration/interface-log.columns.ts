import { EXCHANGE_ADAPTER_LABELS, type InterfaceLog } from '@kaolu/contracts';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the 接口日志 list; the outcome renders through its cell slot (EnumTag). */
export const interfaceLogColumns: PageTableColumn<InterfaceLog>[] = [
  { prop: 'createdAt', label: '时间', width: 142, format: (r) => formatDateTime(r.createdAt) },
  { prop: 'adapter', label: '接口', width: 120, format: (r) => EXCHANGE_ADAPTER_LABELS[r.adapter] },
  { prop: 'operation', label: '操作', minWidth: 120, ellipsis: true },
  // Masked (NFR-SEC-3): the log shows whose data was queried without the full ID number.
  { prop: 'subjectMasked', label: '查询对象', width: 170 },
  { prop: 'outcome', label: '结果', width: 80, align: 'center' },
  // Attempts and latency show a slow or flaky interface before it fails outright.
  { prop: 'attempts', label: '尝试次数', width: 86, align: 'right' },
  { prop: 'latencyMs', label: '耗时（毫秒）', width: 104, align: 'right' },
  { prop: 'provider', label: '提供方', width: 90 },
  { prop: 'error', label: '错误信息', minWidth: 160, ellipsis: true },
];
