import type { z } from 'zod';
import type {
  CandidateComposite,
  CandidateCompositeListSchema,
  CompositeComputeResult,
  CompositePosition,
  CompositePositionDetail,
  CompositePositionPageSchema,
  CompositeRow,
  CompositeSummary,
  CompositeVersionListSchema,
  InterviewScoreImportResultSchema,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type { CandidateComposite, CompositePosition, CompositeRow, CompositeSummary };
export type CompositeVersion = z.infer<typeof CompositeVersionListSchema>['items'][number];

const base = (eventId: string) => `/api/admin/events/${eventId}/composite`;

/** Interview scores and composite scores (§7, IVW-08, INT-07): staff views and the candidate's. */
export const compositeApi = {
  // The header of the staff page: weights, counts in the caller's scope, run state.
  summary: (eventId: string, options?: RequestOptions) =>
    http.get<CompositeSummary>(base(eventId), options),
  // Server-paged for PageTable; a unit user gets his units' positions only.
  positions: (eventId: string, query: { page: number; pageSize: number }) =>
    http.get<z.infer<typeof CompositePositionPageSchema>>(`${base(eventId)}/positions`, { query }),
  position: (eventId: string, positionId: string) =>
    http.get<CompositePositionDetail>(`${base(eventId)}/positions/${positionId}`),
  versions: (eventId: string) =>
    http.get<z.infer<typeof CompositeVersionListSchema>>(`${base(eventId)}/versions`),
  /** A refusal (IMPORT.ROWS_INVALID) carries every bad row and field in details.problems. */
  importFile: (eventId: string, fileBase64: string) =>
    http.post<z.infer<typeof InterviewScoreImportResultSchema>>(
      `${base(eventId)}/import`,
      { fileBase64 },
      { silent: true },
    ),
  // Compute and publish take no body; the server reads the event's data.
  compute: (eventId: string) => http.post<CompositeComputeResult>(`${base(eventId)}/compute`),
  publish: (eventId: string) => http.post<CompositeComputeResult>(`${base(eventId)}/publish`),
  // Downloads keep the server's Chinese file name (RFC 5987).
  template: (eventId: string) =>
    downloadFile(`${base(eventId)}/template`, {}, '面试成绩导入模板.xlsx'),
  exportResults: (eventId: string) => downloadFile(`${base(eventId)}/export`, {}, '综合成绩.xlsx'),
  // The candidate's own composites, returned only once published.
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof CandidateCompositeListSchema>>('/api/candidate/composite', options),
};
