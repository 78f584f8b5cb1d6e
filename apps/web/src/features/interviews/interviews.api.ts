import type { z } from 'zod';
import type {
  ImportResultSchema,
  InterviewBrochurePageSchema,
  InterviewCandidatePageSchema,
  InterviewEvent,
  InterviewEventInputSchema,
  InterviewExaminerPageSchema,
  InterviewGroup,
  InterviewGroupInputSchema,
  InterviewImportKind,
  InterviewPositionPageSchema,
  InterviewSession,
  InterviewSetup,
  InterviewType,
  InterviewTypeInputSchema,
  MyInterviewEvent,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type { InterviewEvent, InterviewSetup, InterviewImportKind, MyInterviewEvent };
export type InterviewTypeInput = z.input<typeof InterviewTypeInputSchema>;
export type InterviewGroupInput = z.input<typeof InterviewGroupInputSchema>;
// The four browse lists' page types, by the path segment that serves them.
export type BrowsePages = {
  candidates: z.infer<typeof InterviewCandidatePageSchema>;
  positions: z.infer<typeof InterviewPositionPageSchema>;
  examiners: z.infer<typeof InterviewExaminerPageSchema>;
  brochure: z.infer<typeof InterviewBrochurePageSchema>;
};
type Search = { page: number; pageSize: number; keyword?: string };
// Every event route starts here.
const base = (id: string) => `/api/interview/events/${id}`;

/** Interview setup (IVW-01), imports (IVW-02) and browsing (IVW-03); the server checks scope. */
export const interviewsApi = {
  myEvents: () => http.get<MyInterviewEvent[]>('/api/interview/my-events'),
  createEvent: (body: z.input<typeof InterviewEventInputSchema>) =>
    http.post<InterviewEvent>('/api/interview/events', body),
  setup: (id: string) => http.get<InterviewSetup>(`${base(id)}/setup`),
  putType: (id: string, body: InterviewTypeInput) =>
    http.put<InterviewType>(`${base(id)}/types`, body, { silent: true }),
  addSession: (id: string, body: { day: string; halfDay: 'am' | 'pm' }) =>
    http.post<InterviewSession>(`${base(id)}/sessions`, body),
  addVenue: (id: string, body: { name: string; address?: string | null }) =>
    http.post<{ id: string }>(`${base(id)}/venues`, body),
  addRoom: (id: string, body: { venueId: string; name: string }) =>
    http.post<{ id: string }>(`${base(id)}/rooms`, body),
  putGroup: (id: string, body: InterviewGroupInput, groupId?: string) =>
    groupId
      ? http.put<InterviewGroup>(`${base(id)}/groups/${groupId}`, body)
      : http.post<InterviewGroup>(`${base(id)}/groups`, body),
  // Imports answer their problems in the error's details: the caller shows them row by row.
  importSheet: (id: string, kind: InterviewImportKind, fileBase64: string) =>
    http.post<z.infer<typeof ImportResultSchema>>(
      `${base(id)}/imports/${kind}`,
      { fileBase64 },
      { silent: true },
    ),
  importFromLists: (id: string) =>
    http.post<z.infer<typeof ImportResultSchema>>(`${base(id)}/import-interview-lists`),
  templateUrl: (kind: InterviewImportKind) => `/api/interview/import-templates/${kind}`,
  browse: <K extends keyof BrowsePages>(id: string, kind: K, query: Search) =>
    http.get<BrowsePages[K]>(`${base(id)}/${kind}`, { query }),
};
