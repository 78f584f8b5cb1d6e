import type { z } from 'zod';
import type {
  CandidateSessionChangeResultSchema,
  CandidateSessionChangeSchema,
  ExaminerAccount,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type { ExaminerAccount };
export type CandidateSessionChange = z.input<typeof CandidateSessionChangeSchema>;
export type CandidateSessionChangeResult = z.infer<typeof CandidateSessionChangeResultSchema>;

/** Admin pieces of interview scoring (IVW-08, IVW-10) on the interview event's browse lists. */
export const scoringAdminApi = {
  /** Opens the examiner's tablet account; the answer's one-time password is shown once. */
  openExaminerAccount: (eventId: string, examinerId: string) =>
    http.post<ExaminerAccount>(
      `/api/interview/events/${eventId}/examiners/${examinerId}/account`,
      {},
    ),
  /** 调整面试时间: another session, with the reason the candidate is told by SMS. */
  changeCandidateSession: (interviewCandidateId: string, body: CandidateSessionChange) =>
    http.put<CandidateSessionChangeResult>(
      `/api/interview/candidates/${interviewCandidateId}/session`,
      body,
      { silent: true },
    ),
};
