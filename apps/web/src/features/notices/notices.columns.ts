import type { AdminNoticePage } from './notices-admin.api';
import { formatDateTime } from '@/shared/format';
import type { PageTableColumn } from '@/shared/page-table';

type NoticeRow = AdminNoticePage['items'][number];

/** Columns of 公告通知 (REG-03/04); kind and status render as tags through cell slots. */
export const noticeColumns: PageTableColumn<NoticeRow>[] = [
  { prop: 'title', label: '标题', minWidth: 220 },
  { prop: 'kind', label: '类型', width: 120 },
  { prop: 'status', label: '状态', width: 90 },
  { prop: 'version', label: '版本', width: 70 },
  { prop: 'candidateCount', label: '涉及考生', width: 90 },
  {
    prop: 'publishedAt',
    label: '发布时间',
    width: 160,
    format: (n) => formatDateTime(n.publishedAt),
  },
];
