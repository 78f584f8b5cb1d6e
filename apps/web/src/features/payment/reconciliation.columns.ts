import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';
import type { ReconciliationRow } from './payment.api';

/** Columns of the 缴费对账 list; the status renders through its cell slot (EnumTag). */
export const reconciliationColumns: PageTableColumn<ReconciliationRow>[] = [
  { prop: 'noticeNumber', label: '通知书编号', minWidth: 150, ellipsis: true },
  // Masked payer name (NFR-SEC-3): reconciliation works by notice number, not by person.
  { prop: 'payerNameMasked', label: '缴款人', width: 90 },
  { prop: 'examCategory', label: '考试类别', width: 110 },
  { prop: 'status', label: '状态', width: 110, align: 'center' },
  // Amounts right-aligned so the columns can be added up by eye.
  { prop: 'expectedYuan', label: '应缴（元）', width: 100, align: 'right' },
  { prop: 'paidYuan', label: '实缴（元）', width: 100, align: 'right' },
  { prop: 'refundedYuan', label: '已退（元）', width: 100, align: 'right' },
  { prop: 'paidAt', label: '缴费时间', width: 142, format: (r) => formatDateTime(r.paidAt) },
  { prop: 'transactionId', label: '交易流水号', minWidth: 160, ellipsis: true },
];
