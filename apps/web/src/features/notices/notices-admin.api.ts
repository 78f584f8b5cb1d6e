import type { z } from 'zod';
import type {
  AdminNotice,
  AdminNoticePageSchema,
  NoticeChangeResult,
  NoticeInputSchema,
  NoticeSmsJobResult,
  PublicNoticeDetailSchema,
  UpdateNoticeSchema,
} from '@kaolu/contracts';
import { http } from '@/app/http';
import type { PublicNoticeQuery } from './notices.api';

export type { AdminNotice, NoticeChangeResult, NoticeSmsJobResult };
export type NoticeDetail = z.infer<typeof PublicNoticeDetailSchema>;
export type AdminNoticePage = z.infer<typeof AdminNoticePageSchema>;

/** Staff calls of notices (REG-03 interview, REG-04 re-check notices) and the public detail. */
export const noticesAdminApi = {
  // The admin list takes the public list's query (the server reuses PublicNoticeQuerySchema).
  list: (query: PublicNoticeQuery) => http.get<AdminNoticePage>('/api/admin/notices', { query }),
  get: (id: string) => http.get<AdminNotice>(`/api/admin/notices/${id}`),
  create: (body: z.input<typeof NoticeInputSchema>) =>
    http.post<AdminNotice>('/api/admin/notices', body),
  update: (id: string, body: z.input<typeof UpdateNoticeSchema>) =>
    http.put<NoticeChangeResult>(`/api/admin/notices/${id}`, body),
  publish: (id: string) => http.post<NoticeChangeResult>(`/api/admin/notices/${id}/publish`),
  withdraw: (id: string) => http.post<AdminNotice>(`/api/admin/notices/${id}/withdraw`),
};

/** Reads one published notice for the candidate detail page; the page shows a 404 itself. */
export function getPublicNotice(id: string) {
  return http.get<NoticeDetail>(`/api/public/notices/${id}`, { silent: true });
}
