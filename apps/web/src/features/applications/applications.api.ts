import type { z } from 'zod';
import type {
  Application,
  ApplicationCheck,
  ApplicationListSchema,
  ApplicationPrecheckSchema,
  SubmitApplication,
} from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type { Application, ApplicationCheck };
export type ApplicationPrecheck = z.infer<typeof ApplicationPrecheckSchema>;

/** Candidate calls of position application 职位报名 (ONL-03, §7); refusals carry details.checks. */
export const applicationsApi = {
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof ApplicationListSchema>>('/api/candidate/applications', options),
  precheck: (eventId: string, positionId: string) =>
    http.post<ApplicationPrecheck>(
      '/api/candidate/applications/precheck',
      { eventId, positionId },
      { silent: true },
    ),
  submit: (body: SubmitApplication) =>
    http.post<Application>('/api/candidate/applications', body, { silent: true }),
  change: (id: string, positionId: string, policeIntentions?: string[]) =>
    http.post<Application>(
      `/api/candidate/applications/${id}/change`,
      { positionId, policeIntentions },
      { silent: true },
    ),
  supplement: (id: string, note: string) =>
    http.post<Application>(`/api/candidate/applications/${id}/supplement`, { note }),
};
