import { http, type RequestOptions } from '@/app/http';
import type { EventStatus, EventType } from '@/shared/labels';
import type { Paged } from '../paged';

// Shapes mirror the server's public events answer until @kaolu/contracts exports them.
export type PublicEvent = {
  id: string;
  code: string;
  name: string;
  type: EventType;
  year: number;
  status: EventStatus;
};

/** Lists the published recruitment events shown to candidates (ONL). */
export function findPublicEvents(options?: RequestOptions) {
  return http.get<Paged<PublicEvent>>('/api/public/events', options);
}
