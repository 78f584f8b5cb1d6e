import type { z } from 'zod';
import type {
  AdjustmentDecision,
  AdjustmentOverview,
  AdjustmentReviewItem,
  AdjustmentReviewListSchema,
  AdjustmentApplicationStatus,
  CandidateAdjustmentEvent,
  CandidateAdjustmentViewSchema,
  ClosePublicRoundResult,
  ConfirmUnifiedResultSchema,
  MyAdjustmentApplication,
  PublishAdjustmentPositions,
  UnifiedProposal,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type {
  AdjustmentOverview,
  AdjustmentReviewItem,
  CandidateAdjustmentEvent,
  MyAdjustmentApplication,
  UnifiedProposal,
};
export type AdjustmentReviewList = z.infer<typeof AdjustmentReviewListSchema>;

const base = (eventId: string) => `/api/admin/events/${eventId}/adjustment`;

/** Adjustment 调剂 (§7): the org's public and unified rounds, the unit's review, the candidate's side. */
export const adjustmentApi = {
  // org department (adjustment.manage): the public round's positions and figures
  overview: (eventId: string, options?: RequestOptions) =>
    http.get<AdjustmentOverview>(base(eventId), options),
  publish: (eventId: string, body: PublishAdjustmentPositions) =>
    http.put<AdjustmentOverview>(`${base(eventId)}/positions`, body),
  closePublic: (eventId: string) =>
    http.post<ClosePublicRoundResult>(`${base(eventId)}/public/close`, {}),
  // the unified round: proposal, hand edits (server-validated), confirmation
  proposal: (eventId: string, options?: RequestOptions) =>
    http.get<UnifiedProposal>(`${base(eventId)}/unified`, options),
  propose: (eventId: string) => http.post<UnifiedProposal>(`${base(eventId)}/unified/propose`, {}),
  move: (eventId: string, candidateId: string, positionId: string) =>
    http.put<UnifiedProposal>(`${base(eventId)}/unified/placements/${candidateId}`, { positionId }),
  remove: (eventId: string, candidateId: string) =>
    http.delete<UnifiedProposal>(`${base(eventId)}/unified/placements/${candidateId}`),
  confirm: (eventId: string) =>
    http.post<z.infer<typeof ConfirmUnifiedResultSchema>>(`${base(eventId)}/unified/confirm`, {}),
  /** The workbook through the browser's download, with the session cookie. */
  exportFile: (eventId: string, kind: 'proposal' | 'results') =>
    downloadFile(
      `${base(eventId)}/export`,
      { kind },
      kind === 'proposal' ? '统一调剂方案.xlsx' : '调剂结果.xlsx',
    ),
  // units (adjustment.review): their queue, paged on the server, and the decision
  queue: (query: { page: number; pageSize: number; status?: AdjustmentApplicationStatus }) =>
    http.get<AdjustmentReviewList>('/api/admin/adjustment/applications', { query }),
  decide: (id: string, decision: AdjustmentDecision) =>
    http.post<AdjustmentReviewItem>(`/api/admin/adjustment/applications/${id}/decision`, decision),
  // the candidate: his view, one application (applying again is the change), withdrawal
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof CandidateAdjustmentViewSchema>>('/api/candidate/adjustment', options),
  apply: (eventId: string, adjustmentPositionId: string) =>
    http.post<MyAdjustmentApplication>('/api/candidate/adjustment/applications', {
      eventId,
      adjustmentPositionId,
    }),
  withdraw: (eventId: string) =>
    http.post<{ ok: true }>('/api/candidate/adjustment/applications/withdraw', { eventId }),
};
