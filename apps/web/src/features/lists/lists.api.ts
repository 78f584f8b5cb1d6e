import type { z } from 'zod';
import type {
  GreylistEntryInputSchema,
  ImportResultSchema,
  ListEntry,
  ListEntryPageSchema,
  ListKind,
  WhitelistEntryInputSchema,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type { ListEntry, ListKind };
export type ListEntryPage = z.infer<typeof ListEntryPageSchema>;

type Ok = { ok: true };

/** REG-01 whitelist / greylist calls; every change carries the reason the audit log keeps. */
export const listsApi = {
  list: (
    eventId: string,
    kind: ListKind,
    query: { page: number; pageSize: number; idNumber?: string },
  ) => http.get<ListEntryPage>(`/api/admin/events/${eventId}/lists/${kind}`, { query }),
  putWhitelist: (eventId: string, body: z.input<typeof WhitelistEntryInputSchema>) =>
    http.put<Ok>(`/api/admin/events/${eventId}/lists/whitelist`, body),
  putGreylist: (eventId: string, body: z.input<typeof GreylistEntryInputSchema>) =>
    http.put<Ok>(`/api/admin/events/${eventId}/lists/greylist`, body),
  remove: (id: string, reason: string) =>
    http.post<Ok>(`/api/admin/list-entries/${id}/remove`, { reason }),
  importSheet: (eventId: string, kind: ListKind, fileBase64: string, reason: string) =>
    http.post<z.infer<typeof ImportResultSchema>>(
      `/api/admin/events/${eventId}/lists/${kind}/import`,
      { fileBase64, reason },
      { silent: true },
    ),
};
