import type { AdminEvent, EventComparison, EventFigures, EventPolicy, EventStatus, EventType, StageKey, StageWindow } from '@kaolu/contracts';
import { http } from '@/app/http';
import type { Paged } from '../paged';

export type { AdminEvent, EventFigures, EventPolicy, StageKey, StageWindow };
export type EventSummary = Omit<AdminEvent, 'policy' | 'schedule'>;
export type PolicyTemplate = { id: EventType | 'national'; label: string; policy: EventPolicy };

/** Staff calls of the events module (issue 6): events, policies, lifecycle, REG-01 deadlines. */
export const eventsAdminApi = {
  list: (query: { page: number; pageSize: number; type?: EventType; status?: EventStatus }) => http.get<Paged<EventSummary>>('/api/admin/events', { query }),
  get: (id: string) => http.get<AdminEvent>(`/api/admin/events/${id}`),
  templates: () => http.get<{ items: PolicyTemplate[] }>('/api/admin/policy-templates'),
  create: (body: { code: string; name: string; type: EventType; year: number; template?: string }) => http.post<AdminEvent>('/api/admin/events', body),
  update: (id: string, body: { name?: string; schedule?: StageWindow[] }) => http.patch<AdminEvent>(`/api/admin/events/${id}`, body),
  updatePolicy: (id: string, policy: EventPolicy, reason: string) => http.put<AdminEvent>(`/api/admin/events/${id}/policy`, { policy, reason }),
  transition: (id: string, to: EventStatus) => http.post<AdminEvent>(`/api/admin/events/${id}/transition`, { to }),
  changeDeadline: (id: string, body: { stage: StageKey; endsAt: string; reason: string }) => http.post<AdminEvent>(`/api/admin/events/${id}/deadlines`, body),
  /** NFR-HIS-1: 2–5 events' figures side by side, closed ones included. */
  compare: (ids: string[]) => http.get<EventComparison>('/api/admin/events/compare', { query: { ids: ids.join(',') } }),
  secondRound: (id: string, body: { code: string; name: string; year: number }) => http.post<{ eventId: string; positions: number }>(`/api/admin/events/${id}/second-round`, body),
};
