import type { SessionInfo } from './identity.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of 在线会话: staff (后台) and candidate sessions side by side. */
export const sessionColumns: PageTableColumn<SessionInfo>[] = [
  {
    prop: 'subjectKind',
    label: '类型',
    width: 90,
    format: (s) => (s.subjectKind === 'staff' ? '后台' : '考生'),
  },
  { prop: 'subject', label: '用户', minWidth: 120 },
  // The address helps support tell a user's own session from one to force off (强制下线).
  { prop: 'ip', label: '地址', minWidth: 120 },
  {
    prop: 'createdAt',
    label: '登录时间',
    minWidth: 150,
    format: (s) => formatDateTime(s.createdAt),
  },
  {
    prop: 'lastSeenAt',
    label: '最近活动',
    minWidth: 150,
    format: (s) => formatDateTime(s.lastSeenAt),
  },
];
