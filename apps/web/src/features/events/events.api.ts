import type { PublicEvent } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { Paged } from '../paged';

export type { PublicEvent };

/** Lists the published recruitment events shown to candidates (ONL). */
export function findPublicEvents(options?: RequestOptions) {
  return http.get<Paged<PublicEvent>>('/api/public/events', options);
}
