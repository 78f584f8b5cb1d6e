import type { AdmissionTicket } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { AdmissionTicket };

/** The candidate's admission ticket 准考证 once seats are drawn and printing has begun. */
export const ticketApi = {
  get: (registrationId: string, options?: RequestOptions) =>
    http.get<AdmissionTicket>(`/api/candidate/registrations/${registrationId}/ticket`, options),
};
