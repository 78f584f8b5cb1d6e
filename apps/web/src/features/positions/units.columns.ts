import { UNIT_KIND_LABELS } from '@kaolu/contracts';
import type { Unit } from './positions-admin.api';
import type { PageTableColumn } from '@/shared/page-table';

/**
 * Columns of 招录单位. The supervising department is named from the full department list the page
 * loads separately, since a unit's department may sit on another page of the list.
 */
export function unitColumns(
  departmentName: (id: string | null) => string,
): PageTableColumn<Unit>[] {
  return [
    { prop: 'code', label: '代码', width: 120 },
    { prop: 'name', label: '名称', minWidth: 200 },
    {
      prop: 'kind',
      label: '类型',
      width: 100,
      format: (u) => UNIT_KIND_LABELS[u.kind],
    },
    {
      prop: 'parentId',
      label: '主管部门',
      minWidth: 180,
      format: (u) => departmentName(u.parentId),
    },
    { prop: 'district', label: '所属区', width: 110 },
    { prop: 'isPolice', label: '公安机关', width: 90, format: (u) => (u.isPolice ? '是' : '否') },
    // Masked by the server (NFR-SEC-3): the list never holds a clear name or landline.
    { prop: 'contact', label: '联系人', minWidth: 170, format: contactText },
  ];
}

/** The masked contact person and landline, or a dash when the unit has none. */
export function contactText(unit: Unit): string {
  return [unit.contact?.nameMasked, unit.contact?.phoneMasked].filter(Boolean).join(' ') || '—';
}
