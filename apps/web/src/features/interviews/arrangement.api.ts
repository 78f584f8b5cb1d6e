import type { z } from 'zod';
import type {
  Arrangement,
  ArrangementEventsSchema,
  ArrangementRules,
  ArrangementSessionsSchema,
  CommittedDrawSchema,
  ExaminerCheckin,
  SimulationReport,
} from '@kaolu/contracts';
import { http } from '@/app/http';
import { downloadFile } from '../profile/file-transfer';

export type { Arrangement, ArrangementRules, ExaminerCheckin, SimulationReport };
export type ArrangementSessions = z.infer<typeof ArrangementSessionsSchema>;

const base = '/api/admin/interviews';

/** Examiner arrangement calls (IVW-04, IVW-07): rules, simulated and real draws, table, check-in. */
export const arrangementApi = {
  // The events and sessions the pages pick from, within the caller's scope.
  events: () => http.get<z.infer<typeof ArrangementEventsSchema>>(`${base}/arrangement-events`),
  sessions: (eventId: string) =>
    http.get<ArrangementSessions>(`${base}/events/${eventId}/arrangement-sessions`),
  rules: (eventId: string) =>
    http.get<ArrangementRules>(`${base}/events/${eventId}/arrangement-rules`),
  saveRules: (eventId: string, rules: ArrangementRules) =>
    http.put<ArrangementRules>(`${base}/events/${eventId}/arrangement-rules`, rules),
  simulate: (sessionId: string) =>
    http.post<SimulationReport>(`${base}/sessions/${sessionId}/examiner-simulation`, {}),
  // The seed hash is published first; a second commit for the session needs the reason (REG-08).
  commit: (sessionId: string, redrawReason?: string) =>
    http.post<z.infer<typeof CommittedDrawSchema>>(
      `${base}/sessions/${sessionId}/examiner-draw/commit`,
      redrawReason ? { redrawReason } : {},
    ),
  draw: (sessionId: string) =>
    http.post<Arrangement>(`${base}/sessions/${sessionId}/examiner-draw`, {}),
  arrangement: (sessionId: string) =>
    http.get<Arrangement>(`${base}/sessions/${sessionId}/arrangement`),
  // A file answer: downloaded under the server's name, which carries the session.
  exportTable: (sessionId: string) =>
    downloadFile(`${base}/sessions/${sessionId}/arrangement/export`, {}, '考官编排表.xlsx'),
  checkIn: (sessionId: string, examinerCode: string) =>
    http.post<ExaminerCheckin>(`${base}/examiner-checkin`, { sessionId, examinerCode }),
};
