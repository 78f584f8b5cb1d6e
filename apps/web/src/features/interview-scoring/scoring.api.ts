import type { z } from 'zod';
import type {
  ExaminerSeat,
  ExaminerSeatListSchema,
  ScoringQueue,
  ScoringQueueItem,
  ScoringResult,
  ScoringResultListSchema,
  SheetBoard,
  SheetConfirmResult,
  SheetIndicator,
  SheetSync,
  SheetSyncResult,
  StoredSheet,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type {
  ExaminerSeat,
  ScoringQueue,
  ScoringQueueItem,
  ScoringResult,
  SheetBoard,
  SheetIndicator,
  StoredSheet,
};
export type ExaminerSeatList = z.infer<typeof ExaminerSeatListSchema>;
export type ScoringResultList = z.infer<typeof ScoringResultListSchema>;

const base = '/api/interview/scoring';

/** The examiner's tablet (IVW-08, IVW-10): his seats, his group's queue, his sheets. */
export const scoringApi = {
  seats: () => http.get<ExaminerSeatList>(`${base}/seats`),
  queue: (sessionId: string, groupId: string) =>
    http.get<ScoringQueue>(`${base}/sessions/${sessionId}/groups/${groupId}/queue`),
  /** Silent: the sheet book retries or shows the refusal at the fields, never a toast per keystroke. */
  syncSheet: (clientKey: string, body: SheetSync) =>
    http.put<SheetSyncResult>(`${base}/sheets/${clientKey}`, body, { silent: true }),
  withdraw: (clientKey: string, reason: string) =>
    http.post<SheetSyncResult>(`${base}/sheets/${clientKey}/withdraw`, { reason }),
};

/** The supervisor's and chief examiner's board of one group in one session (§7, IVW-10). */
export const boardApi = {
  board: (sessionId: string, groupId: string) =>
    http.get<SheetBoard>(`${base}/board`, { query: { sessionId, groupId } }),
  confirm: (sheetId: string) =>
    http.post<SheetConfirmResult>(`${base}/sheets/${sheetId}/confirm`, {}),
  /** SMS to the group's examiners who have not submitted (one candidate's, or all). */
  remind: (body: { sessionId: string; groupId: string; interviewCandidateId?: string }) =>
    http.post<{ reminded: number }>(`${base}/board/remind`, body),
  /** Computed results with each figure explained (kept and dropped examiner scores). */
  results: (query: { interviewEventId: string; sessionId?: string; groupId?: string }) =>
    http.get<ScoringResultList>(`${base}/results`, { query }),
};
