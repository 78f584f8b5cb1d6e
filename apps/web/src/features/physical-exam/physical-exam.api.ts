import type { z } from 'zod';
import type {
  CandidatePhysicalExam,
  HospitalOrder,
  HospitalOrderListSchema,
  HospitalSubmission,
  HospitalSubmissionListSchema,
  PhysicalExamAssign,
  PhysicalExamBoard,
  PhysicalExamChange,
  PhysicalExamChangeInput,
  PhysicalExamEntry,
  PhysicalExamResultInput,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type {
  CandidatePhysicalExam,
  HospitalOrder,
  HospitalSubmission,
  PhysicalExamBoard,
  PhysicalExamChange,
  PhysicalExamEntry,
};

const base = (eventId: string) => `/api/admin/events/${eventId}/physical-exam`;

/** The org's physical-exam calls (§7, REG-04, INT-09g): list, assignment, change approval. */
export const physicalExamApi = {
  board: (eventId: string) => http.get<PhysicalExamBoard>(base(eventId)),
  build: (eventId: string) => http.post<{ added: number; total: number }>(`${base(eventId)}/build`),
  assign: (eventId: string, body: PhysicalExamAssign) =>
    http.post<{ assigned: number }>(`${base(eventId)}/assign`, body),
  hospitals: () =>
    http.get<{ items: Array<{ id: string; name: string }> }>('/api/admin/physical-exam/hospitals'),
  changes: () => http.get<{ items: PhysicalExamChange[] }>('/api/admin/physical-exam/changes'),
  decide: (id: string, approve: boolean, note: string) =>
    http.post<{ status: string }>(`/api/admin/physical-exam/changes/${id}/decision`, {
      approve,
      note,
    }),
  // Queues the exchange move now; the answer's job id feeds JobProgress.
  sync: () => http.post<{ jobId: string }>('/api/admin/physical-exam/exchange-sync'),
  // The candidate's own exams and his re-check request (§7: within 7 days, once).
  mine: (options?: RequestOptions) =>
    http.get<{ items: CandidatePhysicalExam[] }>('/api/candidate/physical-exam', options),
  requestRecheck: (entryId: string) =>
    http.post<{ requestedAt: string }>(`/api/candidate/physical-exam/${entryId}/recheck`),
};

const hospitalBase = '/api/hospital/physical-exam';

/** The hospital portal's calls: they reach the exchange store 中间库 only (INT-09g). */
export const hospitalExamApi = {
  orders: () => http.get<z.infer<typeof HospitalOrderListSchema>>(`${hospitalBase}/orders`),
  submissions: () =>
    http.get<z.infer<typeof HospitalSubmissionListSchema>>(`${hospitalBase}/submissions`),
  submitResult: (orderId: string, body: PhysicalExamResultInput) =>
    http.post<{ ok: true }>(`${hospitalBase}/orders/${orderId}/result`, body),
  submitChange: (orderId: string, body: PhysicalExamChangeInput) =>
    http.post<{ ok: true }>(`${hospitalBase}/orders/${orderId}/change`, body),
  /** A refusal (IMPORT.ROWS_INVALID) carries every bad row and field in details.problems. */
  importFile: (fileBase64: string) =>
    http.post<{ imported: number }>(`${hospitalBase}/import`, { fileBase64 }, { silent: true }),
  template: () => downloadFile(`${hospitalBase}/template`, {}, '体检结果导入模板.xlsx'),
};

/** An ISO time for a Shanghai wall-clock 'YYYY-MM-DDTHH:mm' (times are entered in Asia/Shanghai). */
export function shanghaiIso(local: string): string {
  return `${local}:00+08:00`;
}
