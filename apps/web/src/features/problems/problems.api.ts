import type { z } from 'zod';
import type {
  CandidateProblem,
  CandidateProblemSummary,
  CreateProblem,
  ProblemAnswer,
  ProblemDecision,
  ProblemHandler,
  ProblemQuerySchema,
  ProblemStats,
  StaffProblem,
  StaffProblemPageSchema,
  UploadedAttachment,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile, uploadFile } from '../profile/file-transfer';

export type { CandidateProblem, CandidateProblemSummary, StaffProblem, ProblemStats };
export type StaffProblemPage = z.infer<typeof StaffProblemPageSchema>;
export type StaffProblemRow = StaffProblemPage['items'][number];
/** Queue filters as the page sends them (query strings: booleans as 'true'). */
export type ProblemQuery = Partial<
  Omit<z.output<typeof ProblemQuerySchema>, 'overdue' | 'mine'> & { overdue: 'true'; mine: 'true' }
>;

/** Candidate calls of the problem center (ONL-01a): his own cases only, the server decides. */
export const problemsApi = {
  mine: (options?: RequestOptions) =>
    http.get<CandidateProblemSummary[]>('/api/candidate/problems', options),
  get: (id: string, options?: RequestOptions) =>
    http.get<CandidateProblem>(`/api/candidate/problems/${id}`, options),
  create: (body: CreateProblem) =>
    http.post<CandidateProblem>('/api/candidate/problems', body, { silent: true }),
  answer: (id: string, body: ProblemAnswer) =>
    http.post<CandidateProblem>(`/api/candidate/problems/${id}/answer`, body, { silent: true }),
  // Withdrawal shows its error as a toast (the page confirms first, so a refusal is rare).
  withdraw: (id: string) => http.post<CandidateProblem>(`/api/candidate/problems/${id}/withdraw`),
  /** One PDF/JPG/PNG evidence file; the server checks its content and size (5MB). */
  upload: (file: File) =>
    uploadFile<UploadedAttachment>('/api/candidate/problems/evidence', file, file.name),
  // Opened in a new tab: the server answers the verified type with nosniff and no caching.
  fileUrl: (id: string, fileId: string) =>
    `/api/candidate/problems/${id}/files/${fileId}?disposition=inline`,
};

/** Staff calls (ONL-01b–e): queue, case, decisions, replies, notes, export, statistics. */
export const problemsAdminApi = {
  // The queue answers only the caller's departments; the filters narrow it further.
  queue: (query: ProblemQuery, options?: RequestOptions) =>
    http.get<StaffProblemPage>('/api/admin/problems', { ...options, query }),
  stats: (options?: RequestOptions) => http.get<ProblemStats>('/api/admin/problems/stats', options),
  get: (id: string, options?: RequestOptions) =>
    http.get<StaffProblem>(`/api/admin/problems/${id}`, options),
  // The answer is the updated case, so the page shows the new status and history at once.
  decide: (id: string, body: ProblemDecision) =>
    http.post<StaffProblem>(`/api/admin/problems/${id}/status`, body),
  reply: (id: string, body: string) =>
    http.post<StaffProblem>(`/api/admin/problems/${id}/replies`, { body }),
  note: (id: string, body: string) =>
    http.post<StaffProblem>(`/api/admin/problems/${id}/notes`, { body }),
  claim: (id: string) => http.post<StaffProblem>(`/api/admin/problems/${id}/claim`),
  /** Staff of the case's department, for the assignment select. */
  handlers: (id: string) => http.get<ProblemHandler[]>(`/api/admin/problems/${id}/handlers`),
  assign: (id: string, assigneeId: string) =>
    http.post<StaffProblem>(`/api/admin/problems/${id}/assign`, { assigneeId }),
  /** The same filters as the queue, every row (not one page). */
  export: (query: Omit<ProblemQuery, 'page' | 'pageSize'>) =>
    downloadFile('/api/admin/problems/export', query, '报名问题清单.xlsx'),
  fileUrl: (id: string, fileId: string) =>
    `/api/admin/problems/${id}/files/${fileId}?disposition=inline`,
};
