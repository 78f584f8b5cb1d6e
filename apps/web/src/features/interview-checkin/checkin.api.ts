import type {
  CandidateOrderSheet,
  CheckinDesk,
  CheckinDeskCreated,
  CheckinList,
  CheckinResult,
  CheckinStats,
  DeskEventList,
  DrawGroupList,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { CandidateOrderSheet, CheckinDesk, CheckinResult, CheckinStats, DeskEventList };

const eventBase = (eventId: string) => `/api/interview/events/${eventId}`;

/** Candidate check-in at the venue desk (IVW-05): look-up, statistics, query, reader desks. */
export const checkinApi = {
  /** The interview events the signed-in staff may check in at or draw for. */
  deskEvents: () => http.get<DeskEventList>('/api/interview/desk-events'),
  /** Silent: the page shows "not found" next to the field, where the reader's user looks. */
  checkIn: (eventId: string, code: string, via: 'reader' | 'manual') =>
    http.post<CheckinResult>(`${eventBase(eventId)}/checkins`, { code, via }, { silent: true }),
  /** Checked in / expected per session, group and position. */
  stats: (eventId: string) => http.get<CheckinStats>(`${eventBase(eventId)}/checkins/stats`),
  /** Candidates by check-in state (all, in, missing). */
  list: (eventId: string, state: 'all' | 'in' | 'missing', options?: RequestOptions) =>
    http.get<CheckinList>(`${eventBase(eventId)}/checkins`, { ...options, query: { state } }),
  /** The registered photo's address: an <img> loads it with the staff session cookie. */
  photoUrl: (eventId: string, interviewCandidateId: string) =>
    `${eventBase(eventId)}/candidates/${interviewCandidateId}/photo`,
  /** Reader-bridge desks of the event (tokens never listed). */
  desks: (eventId: string) =>
    http.get<{ items: CheckinDesk[] }>(`${eventBase(eventId)}/checkin-desks`),
  /** A new desk; the answer carries its token, shown once. */
  createDesk: (eventId: string, name: string) =>
    http.post<CheckinDeskCreated>(`${eventBase(eventId)}/checkin-desks`, { name }),
  /** Stops a desk's token at once. */
  revokeDesk: (eventId: string, deskId: string) =>
    http.post<{ ok: true }>(`${eventBase(eventId)}/checkin-desks/${deskId}/revoke`, {}),
};

const groupBase = (groupId: string) => `/api/interview/groups/${groupId}`;

/** Candidate draw of one interview group (IVW-06): hash first, then draw; order sheet. */
export const candidateDrawApi = {
  /** The groups of an event with their kind and candidate count. */
  groups: (eventId: string) => http.get<DrawGroupList>(`${eventBase(eventId)}/draw-groups`),
  /** The order sheet and the group's draws. */
  sheet: (groupId: string) =>
    http.get<CandidateOrderSheet>(`${groupBase(groupId)}/candidate-order`),
  /** Splits the group into sub-groups (empty: undo). */
  setSubGroups: (groupId: string, subGroups: { name: string; candidateIds: string[] }[]) =>
    http.put<{ ok: true }>(`${groupBase(groupId)}/sub-groups`, { subGroups }),
  /** Publishes the seed hash of the next draw; a redraw needs a reason. */
  commit: (groupId: string, body: { subGroup?: string; redrawReason?: string }) =>
    http.post<{ drawId: string; seedHash: string }>(`${groupBase(groupId)}/candidate-draws`, body),
  /** Runs a committed draw. */
  draw: (groupId: string, drawId: string) =>
    http.post<CandidateOrderSheet>(`${groupBase(groupId)}/candidate-draws/${drawId}/draw`, {}),
  /** The Excel export's address (a download link with the session cookie). */
  exportUrl: (groupId: string) => `${groupBase(groupId)}/candidate-order/export`,
};
