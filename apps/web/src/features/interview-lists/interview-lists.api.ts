import type { z } from 'zod';
import type {
  ComputeListsResult,
  ListFigure,
  ListFiguresPage,
  ListFiguresQuery,
  ListVersion,
  ListVersionListSchema,
  MyListStatus,
  PhysicalTestImportResultSchema,
  PhysicalTestSummarySchema,
  PositionList,
  PublicListPage,
  PublishedListEventsSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type {
  ListFigure,
  ListFiguresPage,
  ListVersion,
  MyListStatus,
  PositionList,
  PublicListPage,
};
export type ListVersionList = z.infer<typeof ListVersionListSchema>;
export type PhysicalTestSummary = z.infer<typeof PhysicalTestSummarySchema>;
export type PublishedListEvents = z.infer<typeof PublishedListEventsSchema>;

// Every staff route of the lists hangs under the event.
const base = (eventId: string) => `/api/admin/events/${eventId}/interview-lists`;

/** Interview lists 面试名单 (INT-02, §7): staff figures and actions, 体测, candidate and public views. */
export const interviewListsApi = {
  // Server-paged figures with the counts per status that enable the page's buttons.
  figures: (eventId: string, query: Partial<ListFiguresQuery>, options?: RequestOptions) =>
    http.get<ListFiguresPage>(base(eventId), { ...options, query }),
  position: (eventId: string, positionId: string) =>
    http.get<PositionList>(`${base(eventId)}/positions/${positionId}`),
  compute: (eventId: string) => http.post<ComputeListsResult>(`${base(eventId)}/compute`, {}),
  /** Without ids: every position of the event (confirm takes the drafts, publish the confirmed). */
  confirm: (eventId: string, positionIds?: string[]) =>
    http.post<{ positions: number }>(`${base(eventId)}/confirm`, { positionIds }),
  publish: (eventId: string, positionIds?: string[]) =>
    http.post<{ positions: number }>(`${base(eventId)}/publish`, { positionIds }),
  // Through fetch, not a link: the download keeps the server's Chinese file name.
  exportLists: (eventId: string, positionId?: string) =>
    downloadFile(`${base(eventId)}/export`, { positionId }, '面试名单.xlsx'),
  versions: (eventId: string) => http.get<ListVersionList>(`${base(eventId)}/versions`),
  version: (eventId: string, versionId: string) =>
    http.get<ListVersion>(`${base(eventId)}/versions/${versionId}`),
  physicalTests: (eventId: string) =>
    http.get<PhysicalTestSummary>(`/api/admin/events/${eventId}/physical-tests`),
  /** A refusal (IMPORT.ROWS_INVALID) carries every bad row and field in details.problems. */
  importPhysicalTests: (eventId: string, fileBase64: string, background: boolean) =>
    http.post<z.infer<typeof PhysicalTestImportResultSchema>>(
      `/api/admin/events/${eventId}/physical-tests/import`,
      { fileBase64, background },
      { silent: true },
    ),
  physicalTestTemplate: () =>
    downloadFile('/api/admin/interview-lists/physical-test-template', {}, '体测结果导入模板.xlsx'),
  // The candidate's own lists (published only) and the public pages, open to anyone.
  mine: (options?: RequestOptions) =>
    http.get<{ items: MyListStatus[] }>('/api/candidate/interview-lists', options),
  publishedEvents: (options?: RequestOptions) =>
    http.get<PublishedListEvents>('/api/public/interview-lists', options),
  publicPage: (
    eventId: string,
    query: { page: number; pageSize: number; keyword?: string },
    options?: RequestOptions,
  ) =>
    http.get<PublicListPage>(`/api/public/events/${eventId}/interview-lists`, {
      ...options,
      query,
    }),
};
