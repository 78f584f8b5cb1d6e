import type { z } from 'zod';
import type {
  CreateRegistration,
  InterfaceLogPageSchema,
  InterfaceLogQuery,
  PrecheckResultSchema,
  PublicEvent,
  PublicEventDetailSchema,
  Registration,
  RegistrationCheck,
  RegistrationListSchema,
  TimelineEntry,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { Paged } from '../paged';

export type { Registration, RegistrationCheck, TimelineEntry };
export type PrecheckResult = z.infer<typeof PrecheckResultSchema>;
export type EventForRegistration = z.infer<typeof PublicEventDetailSchema>;

/** Candidate calls of exam registration 笔试报名 (§0 pipeline, §7 先考后报; REG-09 checks). */
export const registrationApi = {
  /** The event's schedule with its categories, fee and photo rules (public). */
  event: (id: string, options?: RequestOptions) =>
    http.get<EventForRegistration>(`/api/public/events/${id}`, options),
  /** Events whose registration is under way, for the "去报名" entries. */
  // Filtered here rather than by a query parameter: the public list is short (50 at most).
  openEvents: async (options?: RequestOptions): Promise<PublicEvent[]> => {
    const page = await http.get<Paged<PublicEvent>>('/api/public/events', {
      ...options,
      query: { page: 1, pageSize: 50 },
    });
    return page.items.filter((e) => e.status === 'registration');
  },
  /** Runs every automatic check and saves nothing. */
  precheck: (body: CreateRegistration) =>
    http.post<PrecheckResult>('/api/candidate/registrations/precheck', body, { silent: true }),
  /** A refusal (REGISTRATION.NOT_ELIGIBLE) carries the failed checks in details.checks. */
  submit: (body: CreateRegistration) =>
    http.post<Registration>('/api/candidate/registrations', body, { silent: true }),
  /** The candidate's registrations with their checks and timelines, newest first. */
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof RegistrationListSchema>>('/api/candidate/registrations', options),
  /** Withdraws; a paid fee gets a refund notice (REG-11) from the server. */
  cancel: (id: string) => http.post<Registration>(`/api/candidate/registrations/${id}/cancel`),
};

/** Staff: the data-exchange interface log (NFR-EXC-1), filtered by interface and outcome. */
export const interfaceLogApi = {
  find: (query: Partial<InterfaceLogQuery>) =>
    http.get<z.infer<typeof InterfaceLogPageSchema>>('/api/admin/interface-logs', {
      query,
      silent: true,
    }),
};
