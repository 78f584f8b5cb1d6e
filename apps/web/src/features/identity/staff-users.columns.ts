import { ROLE_LABELS } from '@kaolu/contracts';
import type { StaffUser } from './identity.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of 用户管理 (REG-05); the account state renders as a tag through the `cell-locked` slot. */
export const staffUserColumns: PageTableColumn<StaffUser>[] = [
  { prop: 'username', label: '用户名', minWidth: 120 },
  { prop: 'displayName', label: '姓名', minWidth: 100 },
  { prop: 'phoneMasked', label: '手机号', minWidth: 120 },
  // Role names in Chinese, never the codes (NFR-UX-1).
  {
    prop: 'roles',
    label: '角色',
    minWidth: 160,
    format: (user) => user.roles.map((r) => ROLE_LABELS[r]).join('、') || '—',
  },
  // One column for 停用 / 锁定 / 正常: a disabled account shows 已停用 even while also locked.
  { prop: 'locked', label: '状态', width: 100 },
  {
    prop: 'lastLoginAt',
    label: '最近登录',
    minWidth: 150,
    format: (user) => formatDateTime(user.lastLoginAt),
  },
];
