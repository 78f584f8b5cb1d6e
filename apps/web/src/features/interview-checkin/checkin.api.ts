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
  deskEvents: () => http.get<DeskEventList>('/api/interview/desk-events'),
  /** Silent: the page shows "not found" next to the field, where the reader's user looks. */
  checkIn: (eventId: string, code: string, via: 'reader' | 'manual') =>
    http.post<CheckinResult>(`${eventBase(eventId)}/checkins`, { code, via }, { silent: true }),
  stats: (eventId: string) => http.get<CheckinStats>(`${eventBase(eventId)}/checkins/stats`),
  list: (eventId: string, state: 'all' | 'in' | 'missing', options?: RequestOptions) =>
    http.get<CheckinList>(`${eventBase(eventId)}/checkins`, { ...options, query: { state } }),
  /** The registered photo's address: an <img> loads it with the staff session cookie. */
  photoUrl: (eventId: string, interviewCandidateId: string) =>
    `${eventBase(eventId)}/candidates/${interviewCandidateId}/photo`,
  desks: (eventId: string) =>
    http.get<{ items: CheckinDesk[] }>(`${eventBase(eventId)}/checkin-desks`),
  createDesk: (eventId: string, name: string) =>
    http.post<CheckinDeskCreated>(`${eventBase(eventId)}/checkin-desks`, { name }),
  revokeDesk: (eventId: string, deskId: string) =>
    http.post<{ ok: true }>(`${eventBase(eventId)}/checkin-desks/${deskId}/revoke`, {}),
};

const groupBase = (groupId: string) => `/api/interview/groups/${groupId}`;

/** Candidate draw of one interview group (IVW-06): hash first, then draw; order sheet. */
export const candidateDrawApi = {
  groups: (eventId: string) => http.get<DrawGroupList>(`${eventBase(eventId)}/draw-groups`),
  sheet: (groupId: string) =>
    http.get<CandidateOrderSheet>(`${groupBase(groupId)}/candidate-order`),
  setSubGroups: (groupId: string, subGroups: { name: string; candidateIds: string[] }[]) =>
    http.put<{ ok: true }>(`${groupBase(groupId)}/sub-groups`, { subGroups }),
  commit: (groupId: string, body: { subGroup?: string; redrawReason?: string }) =>
    http.post<{ drawId: string; seedHash: string }>(`${groupBase(groupId)}/candidate-draws`, body),
  draw: (groupId: string, drawId: string) =>
    http.post<CandidateOrderSheet>(`${groupBase(groupId)}/candidate-draws/${drawId}/draw`, {}),
  exportUrl: (groupId: string) => `${groupBase(groupId)}/candidate-order/export`,
};
