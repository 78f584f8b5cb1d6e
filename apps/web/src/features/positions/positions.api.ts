import type { PublicPosition, PublicPositionQuery } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import type { Paged } from '../paged';

export type { PublicPosition };
export type PositionSearch = PublicPositionQuery;

/** Searches the published positions of an event 职位查询 for candidates. */
export function findPublicPositions(query: PositionSearch, options?: RequestOptions) {
  return http.get<Paged<PublicPosition>>('/api/public/positions', { ...options, query });
}
