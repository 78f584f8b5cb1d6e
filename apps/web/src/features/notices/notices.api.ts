import { http, type RequestOptions } from '@/app/http';
import type { PageQuery, Paged } from '../paged';

export type PublicNotice = { id: string; title: string; publishedAt: string };

/** Lists public announcements 公告, newest first (REG notices published on the public site). */
export function findPublicNotices(query: PageQuery, options?: RequestOptions) {
  return http.get<Paged<PublicNotice>>('/api/public/notices', { ...options, query });
}
