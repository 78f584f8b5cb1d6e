import type {
  ExportFormat,
  MonitorSnapshot,
  PsychResults,
  ReportEventList,
} from '@kaolu/contracts';
import { http } from '@/app/http';
import { downloadFile } from '@/features/profile/file-transfer';

export type { ExportFormat, MonitorSnapshot, ReportEventList };

// Live monitoring (IVW-09), exports (INT-09b) and psych-test results (INT-09c) of the interview
// system; the server checks the caller's permission and event scope on every call.
const monitorBase = (id: string) => `/api/interview/monitor/events/${id}`;
const reportBase = (id: string) => `/api/interview/reports/events/${id}`;

export const monitorApi = {
  /** The events the monitor may watch, with their sessions. */
  events: () => http.get<ReportEventList>('/api/interview/monitor/events'),
  /** One snapshot for the first paint, before the stream's first event arrives. */
  snapshot: (id: string, sessionId?: string) =>
    http.get<MonitorSnapshot>(monitorBase(id), { query: { sessionId } }),
  /** The Server-Sent Events address; EventSource sends the session cookie by itself. */
  streamUrl: (id: string, sessionId?: string) =>
    `${monitorBase(id)}/stream${sessionId ? `?sessionId=${encodeURIComponent(sessionId)}` : ''}`,
};

export const reportsApi = {
  /** The events the admin may export, with sessions and groups for the filters. */
  events: () => http.get<ReportEventList>('/api/interview/reports/events'),
  /** Downloads one format as Excel or PDF under the server's Chinese file name. */
  download: (
    id: string,
    query: { format: ExportFormat; file: 'xlsx' | 'pdf'; sessionId?: string; groupId?: string },
  ) => downloadFile(`${reportBase(id)}/export`, query, `面试导出.${query.file}`),
  psychTemplateUrl: '/api/interview/reports/psych-template',
  /** Silent: the page lists the refused rows itself. */
  importPsych: (id: string, fileBase64: string) =>
    http.post<{ imported: number }>(
      `${reportBase(id)}/psych-results`,
      { fileBase64 },
      { silent: true },
    ),
  /** The psych results of the candidates of one browse page. */
  psych: (id: string, ids: string[]) =>
    http.get<PsychResults>(`${reportBase(id)}/psych-results`, { query: { ids: ids.join(',') } }),
};
