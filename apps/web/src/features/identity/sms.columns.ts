import { SMS_STATUS_LABELS } from '@kaolu/contracts';
import type { SmsMessage } from './identity.api';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import type { PageTableColumn } from '@/shared/page-table';

/** Columns of the SMS outbox 短信发件箱 (REG-06); phones are shown masked only. */
export const smsMessageColumns: PageTableColumn<SmsMessage>[] = [
  { prop: 'phoneMasked', label: '手机号', width: 140 },
  { prop: 'purpose', label: '用途', width: 140 },
  // The outbox is the default SMS gateway (REG-06): the text is what the number would receive.
  { prop: 'content', label: '内容', minWidth: 240 },
  {
    prop: 'status',
    label: '状态',
    width: 100,
    format: (m) => labelOf(SMS_STATUS_LABELS, m.status),
  },
  { prop: 'createdAt', label: '时间', width: 170, format: (m) => formatDateTime(m.createdAt) },
];
