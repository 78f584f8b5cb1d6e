import type { z } from 'zod';
import type {
  PublicNoticePageSchema,
  PublicNoticeQuerySchema,
  PublicNoticeSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type PublicNotice = z.infer<typeof PublicNoticeSchema>;
export type PublicNoticePage = z.infer<typeof PublicNoticePageSchema>;
/** The list's filters; page and pageSize always sent, event and kind optional. */
export type PublicNoticeQuery = Pick<
  z.output<typeof PublicNoticeQuerySchema>,
  'page' | 'pageSize'
> &
  Partial<z.output<typeof PublicNoticeQuerySchema>>;

/** Lists public announcements 公告, newest first (REG-03/04 notices published on the public site). */
export function findPublicNotices(query: PublicNoticeQuery, options?: RequestOptions) {
  return http.get<PublicNoticePage>('/api/public/notices', { ...options, query });
}
