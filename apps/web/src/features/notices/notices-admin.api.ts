import type { AdminNotice, NoticeChangeResult, NoticeKind, NoticeSmsJobResult } from '@kaolu/contracts';
import { http } from '@/app/http';
import type { Paged } from '../paged';

export type { AdminNotice, NoticeChangeResult, NoticeSmsJobResult };
export type NoticeDetail = { id: string; title: string; body: string; kind: NoticeKind; eventId: string | null; version: number; publishedAt: string; updatedAt: string };

/** Staff calls of notices (REG-03/04) and the public detail. */
export const noticesAdminApi = {
  list: (query: { page: number; pageSize: number; kind?: NoticeKind }) => http.get<Paged<Omit<AdminNotice, 'body'>>>('/api/admin/notices', { query }),
  get: (id: string) => http.get<AdminNotice>(`/api/admin/notices/${id}`),
  create: (body: { kind: NoticeKind; title: string; body: string; eventId?: string | null; candidateIds?: string[] }) => http.post<AdminNotice>('/api/admin/notices', body),
  update: (id: string, body: { title: string; body: string; candidateIds: string[]; changeNote?: string }) => http.put<NoticeChangeResult>(`/api/admin/notices/${id}`, body),
  publish: (id: string) => http.post<NoticeChangeResult>(`/api/admin/notices/${id}/publish`),
  withdraw: (id: string) => http.post<AdminNotice>(`/api/admin/notices/${id}/withdraw`),
};

export function getPublicNotice(id: string) {
  return http.get<NoticeDetail>(`/api/public/notices/${id}`, { silent: true });
}
