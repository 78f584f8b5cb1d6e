import type { ListEntry, ListKind } from './lists.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/**
 * Columns of a REG-01 list: a whitelist entry names the unit it directs the candidate to, a
 * greylist entry the reason; ID numbers are masked by the server.
 */
export function listEntryColumns(kind: ListKind): PageTableColumn<ListEntry>[] {
  return [
    { prop: 'idNumberMasked', label: '身份证号', width: 200 },
    kind === 'whitelist'
      ? { prop: 'unitName', label: '定向单位', minWidth: 160 }
      : { prop: 'note', label: '原因', minWidth: 160 },
    {
      prop: 'updatedAt',
      label: '更新时间',
      width: 160,
      format: (e) => formatDateTime(e.updatedAt),
    },
  ];
}
