import type { ListEntry, ListKind } from '@kaolu/contracts';
import { http } from '@/app/http';
import type { Paged } from '../paged';

export type { ListEntry, ListKind };

/** REG-01 whitelist / greylist calls. */
export const listsApi = {
  list: (eventId: string, kind: ListKind, query: { page: number; pageSize: number; idNumber?: string }) => http.get<Paged<ListEntry>>(`/api/admin/events/${eventId}/lists/${kind}`, { query }),
  putWhitelist: (eventId: string, body: { idNumber: string; unitId: string; reason: string }) => http.put<{ ok: true }>(`/api/admin/events/${eventId}/lists/whitelist`, body),
  putGreylist: (eventId: string, body: { idNumber: string; note: string; reason: string }) => http.put<{ ok: true }>(`/api/admin/events/${eventId}/lists/greylist`, body),
  remove: (id: string, reason: string) => http.post<{ ok: true }>(`/api/admin/list-entries/${id}/remove`, { reason }),
  importSheet: (eventId: string, kind: ListKind, fileBase64: string, reason: string) => http.post<{ imported: number }>(`/api/admin/events/${eventId}/lists/${kind}/import`, { fileBase64, reason }, { silent: true }),
};
