import { http, type RequestOptions } from '@/app/http';
import type { PageQuery, Paged } from '../paged';

export type PublicPosition = {
  id: string;
  code: string;
  title: string;
  unitName: string;
  category: string;
  headcount: number;
};

export type PositionSearch = PageQuery & { eventId?: string; keyword?: string };

/** Searches the published positions of an event 职位查询 for candidates. */
export function findPublicPositions(query: PositionSearch, options?: RequestOptions) {
  return http.get<Paged<PublicPosition>>('/api/public/positions', { ...options, query });
}
