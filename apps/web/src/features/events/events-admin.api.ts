import type { z } from 'zod';
import type {
  AdminEvent,
  AdminEventPageSchema,
  AdminEventQuerySchema,
  ChangeDeadlineSchema,
  CreateEventSchema,
  EventComparison,
  EventFigures,
  EventPolicy,
  EventStatus,
  EventType,
  StageKey,
  StageWindow,
  UpdateEventSchema,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type { AdminEvent, EventFigures, EventPolicy, StageKey, StageWindow };
export type EventSummary = z.infer<typeof AdminEventPageSchema>['items'][number];
/** The event list's filters: page and size always, type, status and year optional. */
export type AdminEventQuery = Pick<z.output<typeof AdminEventQuerySchema>, 'page' | 'pageSize'> &
  Partial<z.output<typeof AdminEventQuerySchema>>;
/**
 * One policy template of GET /api/admin/policy-templates. The server declares this answer inline,
 * its id enum built from the server's template table (events.admin.routes.ts), so contracts has no
 * schema to infer from; the policy itself is the contracts EventPolicy.
 */
export type PolicyTemplate = { id: EventType | 'national'; label: string; policy: EventPolicy };
/** A new event: the contracts body plus the template the server copies the policy from. */
export type CreateEventBody = z.input<typeof CreateEventSchema> & { template?: string };

/** Staff calls of the events module: events, policies, lifecycle, REG-01 deadlines, NFR-HIS-1 comparison. */
export const eventsAdminApi = {
  list: (query: AdminEventQuery) =>
    http.get<z.infer<typeof AdminEventPageSchema>>('/api/admin/events', { query }),
  get: (id: string) => http.get<AdminEvent>(`/api/admin/events/${id}`),
  templates: () => http.get<{ items: PolicyTemplate[] }>('/api/admin/policy-templates'),
  create: (body: CreateEventBody) => http.post<AdminEvent>('/api/admin/events', body),
  update: (id: string, body: z.input<typeof UpdateEventSchema>) =>
    http.patch<AdminEvent>(`/api/admin/events/${id}`, body),
  updatePolicy: (id: string, policy: EventPolicy, reason: string) =>
    http.put<AdminEvent>(`/api/admin/events/${id}/policy`, { policy, reason }),
  transition: (id: string, to: EventStatus) =>
    http.post<AdminEvent>(`/api/admin/events/${id}/transition`, { to }),
  changeDeadline: (id: string, body: z.input<typeof ChangeDeadlineSchema>) =>
    http.post<AdminEvent>(`/api/admin/events/${id}/deadlines`, body),
  /** NFR-HIS-1: 2–5 events' figures side by side, closed ones included. */
  compare: (ids: string[]) =>
    http.get<EventComparison>('/api/admin/events/compare', { query: { ids: ids.join(',') } }),
  // INT-08: body and answer of the second round are declared inline by the server (positions.admin.routes.ts).
  secondRound: (id: string, body: Omit<z.input<typeof CreateEventSchema>, 'type' | 'schedule'>) =>
    http.post<{ eventId: string; positions: number }>(`/api/admin/events/${id}/second-round`, body),
};
